package dev.wharf.operator.reconcile.policy;

import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.validate.Finding;
import java.util.List;

/** Whether a pool's policy admits a TransferServer: its own rules, then its namespace's caps. Pure. */
public final class PoolAdmission {

    private PoolAdmission() {
    }

    /** @param poolServers every TransferServer of the pool (the caps are shared); may include {@code ts} */
    public static List<Finding> check(TransferServer ts, String poolName, StoragePoolSpec pool, List<TransferServer> poolServers) {
        List<Finding> own = PolicyCheck.check(ts.getSpec(), poolName, pool);
        if (!own.isEmpty()) {
            return own;
        }
        List<TransferServer> all = new java.util.ArrayList<>(poolServers.stream()
                .filter(s -> !NamespaceCaps.key(s).equals(NamespaceCaps.key(ts))).toList());
        all.add(ts);
        Finding over = NamespaceCaps.charge(poolName, pool, all).refused().get(NamespaceCaps.key(ts));
        return over == null ? List.of() : List.of(over);
    }
}
