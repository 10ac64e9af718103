package dev.wharf.operator.render.ports;

import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.PoolPorts;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.render.ports.PortAllocationResult.Allocated;
import dev.wharf.operator.render.ports.PortAllocationResult.Refused;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands out a pool's ports to its TransferServers. Ports are unique across the whole pool (not per node):
 * the scheduler decides where each pod lands, so any two servers of a pool may share a node and must
 * never collide.
 *
 * <p>A pure function of the pool and the set of requests: the same input always gives the same answer,
 * whichever server is being reconciled. Stability comes first: every port a server held before (its
 * status) and still wants is kept; then fixed ports are claimed; then {@code auto} ports are given out
 * lowest-first, to servers in creation order. A server that cannot get everything gets nothing, with a
 * reason, and holds nothing that others could use.
 */
public final class PortAllocator {

    /** The first port a process without CAP_NET_BIND_SERVICE may bind (the sshd sidecar's case). */
    static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private final String poolName;
    private final PoolPorts pool;
    private final int dataSize;
    private final Map<Integer, String> controlOwner = new HashMap<>();
    private final Map<PortRange, String> dataOwner = new HashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, Refused> refused = new HashMap<>();

    private PortAllocator(String poolName, PoolPorts pool) {
        this.poolName = poolName;
        this.pool = pool;
        this.dataSize = pool.dataPortsPerServer == null ? 500 : pool.dataPortsPerServer;
    }

    /**
     * Allocates ports for every request; the result has one entry per request, in allocation order
     * (creation order, then namespace/name).
     */
    public static Map<String, PortAllocationResult> allocate(String poolName, PoolPorts pool,
            Collection<PortRequest> requests) {
        List<PortRequest> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparing(PortRequest::orderKey).thenComparing(PortRequest::key));
        PortAllocator allocator = new PortAllocator(poolName, pool);
        for (PortRequest r : sorted) {
            allocator.claims.put(r.key(), new Claim());
        }
        sorted.forEach(allocator::keepPrevious);
        sorted.forEach(allocator::claimFixed);
        sorted.forEach(allocator::claimAuto);

        Map<String, PortAllocationResult> results = new LinkedHashMap<>();
        for (PortRequest r : sorted) {
            Refused why = allocator.refused.get(r.key());
            results.put(r.key(), why != null ? why : new Allocated(allocator.claims.get(r.key()).toStatus()));
        }
        return results;
    }

    private void keepPrevious(PortRequest r) {
        PortAllocationStatus prev = r.previous();
        if (prev == null) {
            return;
        }
        Claim claim = claims.get(r.key());
        r.doors().forEach((type, fixed) -> {
            Integer held = prev.doors == null ? null : prev.doors.get(type.specName());
            if (held != null && (fixed == null || fixed.equals(held)) && held <= type.highestPort() && isFreeControl(held)) {
                claim.doors.put(type, takeControl(held, r.key()));
            }
        });
        if (prev.admin != null && isFreeControl(prev.admin)) {
            claim.admin = takeControl(prev.admin, r.key());
        }
        if (r.sshd() && prev.sshd != null && (r.sshdPort() == null || r.sshdPort().equals(prev.sshd))
                && isFreeControl(prev.sshd)) {
            claim.sshd = takeControl(prev.sshd, r.key());
        }
        PortRange data = prev.data;
        if (data != null && data.size() == dataSize
                && pool.data.contains(data.first()) && pool.data.contains(data.last()) && overlapping(data) == null) {
            claim.data = data;
            dataOwner.put(claim.data, r.key());
        }
    }

    private void claimFixed(PortRequest r) {
        Claim claim = claims.get(r.key());
        List<Fixed> wanted = new ArrayList<>();
        r.doors().forEach((type, port) -> {
            if (port != null && !claim.doors.containsKey(type)) {
                wanted.add(new Fixed("door " + type.specName(), type, port));
            }
        });
        if (r.sshd() && r.sshdPort() != null && claim.sshd == null) {
            wanted.add(new Fixed("sshd", null, r.sshdPort()));
        }
        for (Fixed f : wanted) {
            if (f.door() != null && f.port() > f.door().highestPort()) {
                refuse(r, PortAllocationResult.PORT_UNREACHABLE, f.what() + " asks for port " + f.port()
                        + ", but dccp and libdcap keep a dCap door's port in a signed 16-bit value and cannot connect"
                        + " above " + f.door().highestPort() + "; use a port below 32768 or 'auto'");
                return;
            }
            if (!pool.control.contains(f.port())) {
                refuse(r, PortAllocationResult.PORT_OUTSIDE_POOL, f.what() + " asks for port " + f.port()
                        + ", outside the control-port block " + pool.control + " of StoragePool " + poolName
                        + "; use a port in the block or 'auto'");
                return;
            }
            String owner = controlOwner.get(f.port());
            if (owner != null) {
                String who = owner.equals(r.key()) ? "another port of the same TransferServer"
                        : "TransferServer " + owner;
                refuse(r, PortAllocationResult.PORT_CONFLICT, f.what() + " asks for port " + f.port()
                        + ", already held by " + who + " in StoragePool " + poolName
                        + "; choose another port or 'auto'");
                return;
            }
            takeControl(f.port(), r.key());
            if (f.door() == null) {
                claim.sshd = f.port();
            } else {
                claim.doors.put(f.door(), f.port());
            }
        }
    }

    /** A fixed port a request asks for: a door's ({@code door} set) or the sshd's. */
    private record Fixed(String what, DoorType door, int port) {
    }

    private void claimAuto(PortRequest r) {
        if (refused.containsKey(r.key())) {
            return;
        }
        Claim claim = claims.get(r.key());
        // doors with a port limit (dCap) first, so the low ports of the block go to them
        List<DoorType> types = new ArrayList<>(r.doors().keySet());
        types.sort(Comparator.comparingInt(DoorType::highestPort));
        for (DoorType type : types) {
            if (!claim.doors.containsKey(type)) {
                Integer port = nextFreeControl(r.key(), pool.control.first(), type.highestPort());
                if (port == null && type.highestPort() < pool.control.last()) {
                    refuse(r, PortAllocationResult.POOL_EXHAUSTED, "StoragePool " + poolName + " has no free control port"
                            + " below " + (type.highestPort() + 1) + " in " + pool.control + " for door " + type.specName()
                            + " (dccp and libdcap cannot reach a dCap door above " + type.highestPort()
                            + "); ask the admin to move ports.control below 32768 or widen it there");
                    return;
                }
                if (port == null) {
                    exhaustedControl(r);
                    return;
                }
                claim.doors.put(type, port);
            }
        }
        if (claim.admin == null) {
            claim.admin = nextFreeControl(r.key());
            if (claim.admin == null) {
                exhaustedControl(r);
                return;
            }
        }
        if (r.sshd() && claim.sshd == null) {
            // The sidecar runs without privileges and cannot bind below 1024: take the lowest free port from
            // 1024 up, and only when the block has none, a lower one (which the sshd renderer then refuses).
            claim.sshd = nextFreeControl(r.key(), FIRST_UNPRIVILEGED_PORT);
            if (claim.sshd == null) {
                claim.sshd = nextFreeControl(r.key());
            }
            if (claim.sshd == null) {
                exhaustedControl(r);
                return;
            }
        }
        if (claim.data == null) {
            claim.data = nextFreeData();
            if (claim.data == null) {
                refuse(r, PortAllocationResult.POOL_EXHAUSTED, "StoragePool " + poolName + " has no free block of "
                        + dataSize + " data ports left in " + pool.data + " (" + dataOwner.size()
                        + " TransferServers hold one); ask the admin to widen ports.data or delete an unused TransferServer");
                return;
            }
            dataOwner.put(claim.data, r.key());
        }
    }

    private void exhaustedControl(PortRequest r) {
        refuse(r, PortAllocationResult.POOL_EXHAUSTED, "StoragePool " + poolName + " has no free control port left in "
                + pool.control + " (" + controlOwner.size() + " in use; this server needs " + portsNeeded(r)
                + "); ask the admin to widen ports.control or delete an unused TransferServer");
    }

    private static int portsNeeded(PortRequest r) {
        return r.doors().size() + 1 + (r.sshd() ? 1 : 0);
    }

    private void refuse(PortRequest r, String reason, String message) {
        refused.put(r.key(), new Refused(reason, message));
        controlOwner.values().removeIf(r.key()::equals);
        dataOwner.values().removeIf(r.key()::equals);
        claims.put(r.key(), new Claim());
    }

    private boolean isFreeControl(int port) {
        return pool.control.contains(port) && !controlOwner.containsKey(port);
    }

    private int takeControl(int port, String owner) {
        controlOwner.put(port, owner);
        return port;
    }

    private Integer nextFreeControl(String owner) {
        return nextFreeControl(owner, pool.control.first(), PortRange.HIGHEST);
    }

    private Integer nextFreeControl(String owner, int from) {
        return nextFreeControl(owner, from, 65535);
    }

    /** The lowest free control port in {@code from..highest} (and in the block). */
    private Integer nextFreeControl(String owner, int from, int highest) {
        for (int port = Math.max(from, pool.control.first()); port <= Math.min(pool.control.last(), highest); port++) {
            if (!controlOwner.containsKey(port)) {
                return takeControl(port, owner);
            }
        }
        return null;
    }

    private PortRange nextFreeData() {
        int start = pool.data.first();
        while (start + dataSize - 1 <= pool.data.last()) {
            PortRange candidate = new PortRange(start, start + dataSize - 1);
            PortRange clash = overlapping(candidate);
            if (clash == null) {
                return candidate;
            }
            start = clash.last() + 1;
        }
        return null;
    }

    private PortRange overlapping(PortRange range) {
        PortRange first = null;
        for (PortRange used : dataOwner.keySet()) {
            if (used.first() <= range.last() && range.first() <= used.last() && (first == null || used.last() > first.last())) {
                first = used;
            }
        }
        return first;
    }

    /** Ports gathered for one request while the phases run. */
    private static final class Claim {
        final Map<DoorType, Integer> doors = new EnumMap<>(DoorType.class);
        Integer admin;
        Integer sshd;
        PortRange data;

        PortAllocationStatus toStatus() {
            PortAllocationStatus s = new PortAllocationStatus();
            s.doors = new TreeMap<>();
            doors.forEach((type, port) -> s.doors.put(type.specName(), port));
            s.admin = admin;
            s.sshd = sshd;
            s.data = data;
            return s;
        }
    }
}
