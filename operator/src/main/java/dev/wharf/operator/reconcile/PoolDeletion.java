package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.StoragePoolStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.policy.NamespaceCaps;
import dev.wharf.operator.status.StatusAggregator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a deleted StoragePool may go. Deleting a pool under running servers would leave them
 * without storage, ports or policy, so the pool's finalizer stays while any TransferServer names it: its
 * status lists them ({@code usedBy}) under a Degraded {@code InUse} condition, with a Warning event when
 * that list changes. Every TransferServer deletion reconciles the pool again, so the last one releases it.
 */
@ApplicationScoped
public class PoolDeletion {

    static final String IN_USE = "InUse";
    private static final Logger LOG = LoggerFactory.getLogger(PoolDeletion.class);

    private final KubernetesClient client;
    private final EventRecorder events;

    public PoolDeletion(KubernetesClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    DeleteControl decide(StoragePool pool, List<TransferServer> users) {
        if (users.isEmpty()) {
            return DeleteControl.defaultDelete();
        }
        List<String> names = users.stream().map(ts -> NamespaceCaps.key(ts)).sorted().toList();
        String message = "deletion waits until no TransferServer uses this pool; still used by " + String.join(", ", names)
                + ": delete them or move them to another pool";
        StoragePoolStatus before = pool.getStatus();
        if (before == null || !names.equals(before.usedBy) || !hasInUse(before, message)) {
            events.warning(pool, IN_USE, message);
            writeStatus(pool, names, message);
        }
        return DeleteControl.noFinalizerRemoval();
    }

    private static boolean hasInUse(StoragePoolStatus status, String message) {
        return status.conditions != null && status.conditions.stream()
                .anyMatch(c -> "Degraded".equals(c.getType()) && IN_USE.equals(c.getReason()) && message.equals(c.getMessage()));
    }

    private void writeStatus(StoragePool pool, List<String> users, String message) {
        StoragePoolStatus status = pool.getStatus() == null ? new StoragePoolStatus() : pool.getStatus();
        status.usedBy = new ArrayList<>(users);
        // Ready stays what it was: the pool still serves its servers; Degraded says why it is not gone
        StatusAggregator conditions = StatusAggregator.from(status.conditions, pool.getMetadata().getGeneration(), Instant.now())
                .degraded(IN_USE, message).stillServing();
        if (status.conditions != null) {
            status.conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst().ifPresent(ready -> {
                if ("True".equals(ready.getStatus())) {
                    conditions.ready(ready.getReason(), ready.getMessage());
                } else {
                    conditions.notReady(ready.getReason(), ready.getMessage());
                }
            });
        }
        status.conditions = conditions.build().conditions();
        try {
            client.resources(StoragePool.class).withName(pool.getMetadata().getName()).editStatus(p -> {
                p.setStatus(status);
                return p;
            });
        } catch (KubernetesClientException e) {
            LOG.warn("could not write the status of StoragePool {}: {}", pool.getMetadata().getName(), e.getMessage());
        }
    }
}
