package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Upper limits on cpus, memory and nodes; an unset field is not limited. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceCaps {

    @Min(1)
    @JsonPropertyDescription("Whole CPUs.")
    public Integer cpus;

    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$")
    @JsonPropertyDescription("Memory, a Kubernetes quantity such as 64Gi.")
    public String memory;

    @Min(1)
    @JsonPropertyDescription("Nodes (pods).")
    public Integer nodes;

    public ResourceCaps() {
    }

    public ResourceCaps(Integer cpus, String memory, Integer nodes) {
        this.cpus = cpus;
        this.memory = memory;
        this.nodes = nodes;
    }
}
