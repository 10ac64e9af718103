package dev.wharf.operator.render.ports;

import dev.wharf.operator.api.PortAllocationStatus;

/** The outcome of port allocation for one TransferServer: its ports, or why it got none. */
public sealed interface PortAllocationResult {

    /** Condition reason when the pool has no room left. */
    String POOL_EXHAUSTED = "PoolExhausted";
    /** Condition reason when a fixed port is held by another TransferServer of the pool. */
    String PORT_CONFLICT = "PortConflict";
    /** Condition reason when a fixed port lies outside the pool's control-port block. */
    String PORT_OUTSIDE_POOL = "PortOutsidePool";
    /** Condition reason when a fixed port is one the door's clients cannot reach (a dCap door above 32767). */
    String PORT_UNREACHABLE = "PortUnreachable";

    /** The server got every port it asked for. */
    record Allocated(PortAllocationStatus ports) implements PortAllocationResult {
    }

    /** The server got nothing; {@code reason} is one of the constants above, {@code message} says what to do. */
    record Refused(String reason, String message) implements PortAllocationResult {
    }
}
