package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One transfer pod: where it runs, how it is doing, and which CPUs its I/O threads were pinned to. */
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

    @JsonPropertyDescription("Pod phase: Pending, Running, Succeeded, Failed, Unknown.")
    public String phase;

    @JsonPropertyDescription("Restarts of the server container.")
    public Integer restarts;

    @JsonPropertyDescription("Why the pod is not running yet: the scheduler's message (Insufficient cpu, node affinity, free ports) "
            + "or the container's waiting reason (ImagePullBackOff, CrashLoopBackOff).")
    public String pendingReason;

    @JsonPropertyDescription("How the server container last ended, if it ever did.")
    public Termination lastTermination;

    @JsonPropertyDescription("The pod runs an older pod template than the current one (with updateStrategy onDelete: delete it "
            + "when no transfer runs).")
    public Boolean outdated;
}
