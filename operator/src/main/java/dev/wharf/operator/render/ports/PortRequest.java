package dev.wharf.operator.render.ports;

import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one TransferServer needs from its pool: a control port per door (fixed or {@code null} for auto),
 * an admin port, maybe an sshd port, a data sub-range; plus what it held before, which it keeps.
 *
 * @param key      {@code namespace/name}; unique in the pool
 * @param orderKey sorts new requests (the creation timestamp: older servers are served first)
 * @param doors    enabled doors in {@link DoorType} order, each with its fixed port or {@code null}
 * @param sshd     whether an sshd port is wanted
 * @param sshdPort the fixed sshd port, or {@code null} for auto
 * @param previous the allocation recorded in the server's status, or {@code null}
 */
public record PortRequest(String key, String orderKey, Map<DoorType, Integer> doors, boolean sshd, Integer sshdPort,
        PortAllocationStatus previous) {

    public PortRequest {
        Objects.requireNonNull(key, "key");
        orderKey = orderKey == null ? "" : orderKey;
        doors = Collections.unmodifiableMap(new EnumMap<>(doors.isEmpty() ? new EnumMap<>(DoorType.class) : doors));
    }

    /** The request a TransferServer makes, from its spec and the allocation in its status. */
    public static PortRequest of(TransferServer ts) {
        TransferServerSpec spec = ts.getSpec();
        Map<DoorType, Integer> doors = new EnumMap<>(DoorType.class);
        if (spec.doors != null) {
            spec.doors.enabled().forEach((type, door) -> doors.put(type, Door.fixedPort(door.port)));
        }
        boolean sshd = spec.sshd != null && spec.sshd.isEnabled();
        Integer sshdPort = sshd ? Door.fixedPort(spec.sshd.port) : null;
        PortAllocationStatus previous = ts.getStatus() == null ? null : ts.getStatus().allocation;
        return new PortRequest(keyOf(ts), ts.getMetadata().getCreationTimestamp(), doors, sshd, sshdPort, previous);
    }

    /**
     * The request of a server that keeps running on its last good ports while Degraded: exactly the ports
     * in its status, so no other server is given a port that is still in use.
     */
    public static PortRequest holding(TransferServer ts) {
        PortAllocationStatus held = ts.getStatus().allocation;
        Map<DoorType, Integer> doors = new EnumMap<>(DoorType.class);
        for (DoorType type : DoorType.values()) {
            Integer port = held.doors == null ? null : held.doors.get(type.specName());
            if (port != null) {
                doors.put(type, port);
            }
        }
        return new PortRequest(keyOf(ts), ts.getMetadata().getCreationTimestamp(), doors, held.sshd != null, held.sshd, held);
    }

    /** {@code namespace/name}. */
    public static String keyOf(TransferServer ts) {
        return ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName();
    }
}
