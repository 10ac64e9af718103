package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** The pool's nodes and who holds which ports. Written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StoragePoolStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("Ready and Degraded, with reason, message and lastTransitionTime.")
    public List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Number of nodes matching the pool (for kubectl get).")
    public Integer nodeCount;

    @JsonPropertyDescription("Control ports in use out of the block, e.g. 6/89 (for kubectl get).")
    public String controlPortsInUse;

    @JsonPropertyDescription("Data ports in use out of the range, e.g. 1000/5001 (for kubectl get).")
    public String dataPortsInUse;

    @JsonPropertyDescription("Matching nodes with their topology summary.")
    public List<PoolNode> nodes = new ArrayList<>();

    @JsonPropertyDescription("Ports held by each TransferServer of the pool.")
    public List<PoolAllocation> allocations = new ArrayList<>();

    @JsonPropertyDescription("Resources charged to each namespace (its admitted TransferServers), against policy.perNamespace.")
    public List<NamespaceUsage> namespaces = new ArrayList<>();

    @JsonPropertyDescription("TransferServers (namespace/name) still using the pool; while any is listed, deleting the pool waits.")
    public List<String> usedBy = new ArrayList<>();
}
