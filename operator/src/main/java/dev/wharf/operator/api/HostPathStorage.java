package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The bytes live in a directory on each node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostPathStorage {

    @Required
    @Pattern("^/.*$")
    @JsonPropertyDescription("Absolute directory on the node; it must exist (hostPath type Directory).")
    public String path;

    public HostPathStorage() {
    }

    public HostPathStorage(String path) {
        this.path = path;
    }
}
