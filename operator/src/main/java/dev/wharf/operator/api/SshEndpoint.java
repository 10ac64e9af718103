package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** How to log in to the sshd sidecar on one node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SshEndpoint {

    @JsonPropertyDescription("Node the pod runs on.")
    public String node;

    @JsonPropertyDescription("The command to run, e.g. ssh -p 2222 jane@node-a.example")
    public String command;

    public SshEndpoint() {
    }

    public SshEndpoint(String node, String command) {
        this.node = node;
        this.command = command;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshEndpoint e && Objects.equals(node, e.node) && Objects.equals(command, e.command);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, command);
    }
}
