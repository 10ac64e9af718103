package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.ports.PortAllocator;
import dev.wharf.operator.render.ports.PortRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the pool-wide {@link PortAllocator} with the freshest knowledge of who holds what. A new
 * allocation reaches the informer cache only after the server's status is written, and servers are
 * reconciled concurrently, so the ledger remembers each server's last allocation and uses it as the
 * "previous" ports until the status catches up. After a restart it starts empty and the statuses
 * alone are used; the allocator is deterministic, so the answer is the same. Leader election makes
 * this process the only one allocating.
 */
@ApplicationScoped
public class PortLedger {

    private final Map<String, Map<String, PortAllocationStatus>> byPool = new HashMap<>();

    /** Allocates for every server of the pool and returns {@code ts}'s result. */
    public synchronized PortAllocationResult allocate(TransferServer ts, StoragePool pool, List<TransferServer> poolServers) {
        String poolName = pool.getMetadata().getName();
        Map<String, PortAllocationStatus> held = byPool.computeIfAbsent(poolName, p -> new HashMap<>());
        String self = PortRequest.keyOf(ts);
        Set<String> present = poolServers.stream().map(PortRequest::keyOf).collect(Collectors.toCollection(HashSet::new));
        present.add(self);
        held.keySet().retainAll(present);
        List<PortRequest> requests = new ArrayList<>();
        poolServers.stream().filter(s -> !PortRequest.keyOf(s).equals(self))
                .forEach(s -> requests.add(LastGood.serving(s) ? PortRequest.holding(s) : withPrevious(PortRequest.of(s), held)));
        requests.add(withPrevious(PortRequest.of(ts), held));
        Map<String, PortAllocationResult> results = PortAllocator.allocate(poolName, pool.getSpec().ports, requests);
        PortAllocationResult own = results.get(self);
        if (own instanceof PortAllocationResult.Refused && LastGood.hasPorts(ts)) {
            // It keeps running on its old ports (refusals never tear a server down): keep them taken.
            requests.set(requests.size() - 1, PortRequest.holding(ts));
            results = PortAllocator.allocate(poolName, pool.getSpec().ports, requests);
        }
        results.forEach((key, result) -> {
            if (result instanceof PortAllocationResult.Allocated allocated) {
                held.put(key, allocated.ports());
            } else {
                held.remove(key);
            }
        });
        byPool.forEach((name, other) -> {
            if (!name.equals(poolName)) {
                other.remove(self);
            }
        });
        return own;
    }

    public synchronized void release(TransferServer ts) {
        byPool.values().forEach(m -> m.remove(PortRequest.keyOf(ts)));
    }

    /** Drops what this process remembers, as a restart would (tests). */
    synchronized void forgetEverything() {
        byPool.clear();
    }

    private static PortRequest withPrevious(PortRequest r, Map<String, PortAllocationStatus> held) {
        PortAllocationStatus known = held.get(r.key());
        return known == null ? r : new PortRequest(r.key(), r.orderKey(), r.doors(), r.sshd(), r.sshdPort(), known);
    }
}
