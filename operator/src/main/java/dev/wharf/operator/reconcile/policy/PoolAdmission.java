package dev.wharf.operator.reconcile.policy;

import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.validate.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a pool lets a TransferServer in: not while the pool is being deleted (its finalizer waits for
 * its servers), then the policy's rules for the server itself, then its namespace's caps. Pure.
 */
public final class PoolAdmission {

    public static final String POOL_DELETING = "PoolDeleting";

    private PoolAdmission() {
    }

    /**
     * @param poolServers every TransferServer of the pool (the caps are shared); may include {@code ts}
     * @return nothing when admitted, else the rules it breaks; a namespace the pool does not admit is the
     *         renderer's to report ({@code NamespaceNotAllowed})
     */
    public static List<Finding> check(TransferServer ts, StoragePool pool, List<TransferServer> poolServers) {
        String poolName = pool.getMetadata().getName();
        if (pool.isMarkedForDeletion()) {
            return List.of(new Finding(POOL_DELETING, "StoragePool " + poolName
                    + " is being deleted and waits until no TransferServer uses it: move this server to another pool or delete it"));
        }
        if (!pool.getSpec().admits(ts.getMetadata().getNamespace())) {
            return List.of();
        }
        List<Finding> own = PolicyCheck.check(ts.getSpec(), poolName, pool.getSpec());
        if (!own.isEmpty()) {
            return own;
        }
        List<TransferServer> all = new ArrayList<>(poolServers.stream()
                .filter(s -> !NamespaceCaps.key(s).equals(NamespaceCaps.key(ts))).toList());
        all.add(ts);
        Finding over = NamespaceCaps.charge(poolName, pool.getSpec(), all).refused().get(NamespaceCaps.key(ts));
        return over == null ? List.of() : List.of(over);
    }
}
