package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A node that serves the pool, with the topology facts the node agent reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolNode {

    @JsonPropertyDescription("Node name.")
    public String name;

    @JsonPropertyDescription("Data interface on this node.")
    public String dataInterface;

    @JsonPropertyDescription("Number of NUMA nodes (unset: no topology report yet).")
    public Integer numaNodes;

    @JsonPropertyDescription("NUMA node of the data NIC (-1: unknown).")
    public Integer nicNumaNode;

    @JsonPropertyDescription("NUMA node of the storage device (-1: unknown).")
    public Integer diskNumaNode;

    @JsonPropertyDescription("CPUs local to the data NIC, as a cpulist.")
    public String nicLocalCpus;

    @JsonPropertyDescription("NIC and storage device share a NUMA node (or the node has only one); such nodes are preferred.")
    public Boolean aligned;
}
