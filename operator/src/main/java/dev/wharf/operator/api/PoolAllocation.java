package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The ports one TransferServer holds in the pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolAllocation {

    @JsonPropertyDescription("The TransferServer, as namespace/name.")
    public String transferServer;

    @JsonPropertyDescription("Its ports.")
    public PortAllocationStatus ports;

    public PoolAllocation() {
    }

    public PoolAllocation(String transferServer, PortAllocationStatus ports) {
        this.transferServer = transferServer;
        this.ports = ports;
    }
}
