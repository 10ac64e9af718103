package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.DesiredState.Allocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serialises port allocation per operator. TransferServers are reconciled concurrently and a new
 * allocation reaches the informer cache only after its status is written, so two servers of one
 * pool could otherwise pick the same ports. The ledger remembers what it handed out until the status
 * catches up; after a restart it is rebuilt from the statuses, which is enough because leader
 * election lets one operator allocate at a time.
 */
@ApplicationScoped
public class PortLedger {

    private final Map<String, Map<String, PortAllocationStatus>> byPool = new HashMap<>();

    public synchronized Allocation allocate(TransferServer ts, StoragePool pool, List<TransferServer> poolServers,
            DesiredState desired) {
        String self = key(ts);
        Map<String, PortAllocationStatus> held = byPool.computeIfAbsent(pool.getMetadata().getName(), p -> new HashMap<>());
        Set<String> present = poolServers.stream().map(PortLedger::key).collect(Collectors.toSet());
        held.keySet().retainAll(present);
        for (TransferServer server : poolServers) {
            if (server.getStatus() != null && server.getStatus().allocation != null) {
                held.putIfAbsent(key(server), server.getStatus().allocation);
            }
        }
        PortAllocationStatus previous = held.get(self);
        List<PortAllocationStatus> others = held.entrySet().stream()
                .filter(e -> !e.getKey().equals(self)).map(Map.Entry::getValue).toList();
        Allocation allocation = desired.allocate(ts, pool, previous, others);
        byPool.values().forEach(m -> m.remove(self));
        if (allocation.ok()) {
            held.put(self, allocation.ports());
        }
        return allocation;
    }

    public synchronized void release(TransferServer ts) {
        byPool.values().forEach(m -> m.remove(key(ts)));
    }

    /** Drops what this process remembers, as a restart would (tests). */
    synchronized void forgetEverything() {
        byPool.clear();
    }

    private static String key(TransferServer ts) {
        return ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName();
    }
}
