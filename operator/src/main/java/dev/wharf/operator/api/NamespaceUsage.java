package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one namespace's admitted TransferServers take from a pool, charged against policy.perNamespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceUsage {

    @JsonPropertyDescription("The namespace.")
    public String namespace;

    @JsonPropertyDescription("Its TransferServers in this pool.")
    public Integer servers;

    @JsonPropertyDescription("Sum of cpus x nodes.")
    public Integer cpus;

    @JsonPropertyDescription("Sum of memory x nodes, e.g. 12Gi.")
    public String memory;

    @JsonPropertyDescription("Sum of nodes (pods).")
    public Integer nodes;
}
