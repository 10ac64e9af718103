package dev.wharf.operator.api;

import dev.wharf.config.PortRange;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The ports a pool hands out. Every TransferServer of the pool gets its own control ports (one per door,
 * one admin port, one sshd port) from {@link #control} and its own sub-range of {@link #dataPortsPerServer}
 * ports from {@link #data}; none is shared with another TransferServer of the pool.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.control.last < self.data.first || self.data.last < self.control.first",
        message = "the control block and the data range must not overlap")
@ValidationRule(value = "self.dataPortsPerServer <= self.data.last - self.data.first + 1",
        message = "dataPortsPerServer must fit into the data range")
public class PoolPorts {

    @Required
    @JsonPropertyDescription("Control ports (doors, admin endpoint, sshd), e.g. 2811-2899.")
    public PortRange control;

    @Required
    @JsonPropertyDescription("Data ports, split into disjoint sub-ranges, e.g. 20000-25000.")
    public PortRange data;

    @Min(PortRange.LOWEST)
    @Max(PortRange.HIGHEST)
    @Default("500")
    @JsonPropertyDescription("Size of each TransferServer's data-port sub-range.")
    public Integer dataPortsPerServer = 500;

    public PoolPorts() {
    }

    public PoolPorts(PortRange control, PortRange data, int dataPortsPerServer) {
        this.control = control;
        this.data = data;
        this.dataPortsPerServer = dataPortsPerServer;
    }
}
