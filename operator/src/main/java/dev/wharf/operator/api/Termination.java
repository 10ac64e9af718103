package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How the server container last ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Termination {

    @JsonPropertyDescription("Reason given by the kubelet: Error, OOMKilled, Completed, ...")
    public String reason;

    @JsonPropertyDescription("Exit code of the server process.")
    public Integer exitCode;

    @JsonPropertyDescription("When it ended (RFC 3339).")
    public String finishedAt;

    @JsonPropertyDescription("The last lines of the server's log when it failed (the kubelet's termination message).")
    public String message;
}
