package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One transfer pod: where it runs and which CPUs its I/O threads were pinned to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodStatus {

    @JsonPropertyDescription("Pod name (in the data-plane namespace).")
    public String name;

    @JsonPropertyDescription("Node it runs on.")
    public String node;

    @JsonPropertyDescription("The pod passes its readiness probe.")
    public Boolean ready;

    @JsonPropertyDescription("CPUs the server's threads are pinned to, as a cpulist (e.g. 4-7).")
    public String pinnedCpus;

    @JsonPropertyDescription("All pinned CPUs are on the NUMA node of the data NIC (unset: unknown).")
    public Boolean nicLocal;

    @JsonPropertyDescription("All pinned CPUs are on the NUMA node of the storage device (unset: unknown).")
    public Boolean diskLocal;
}
