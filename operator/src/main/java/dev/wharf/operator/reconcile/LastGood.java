package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.status.ConditionType;

/**
 * Recognises a TransferServer that keeps running with its last good configuration while its input is
 * unusable: the operator leaves its workload and ports alone and marks it Degraded, and its status keeps
 * the ports it serves on. Others must not be given those ports.
 */
final class LastGood {

    private LastGood() {
    }

    /** Its status still records the ports its pods listen on. */
    static boolean hasPorts(TransferServer ts) {
        return ts.getStatus() != null && ts.getStatus().allocation != null;
    }

    /** Degraded, and still holding ports: running on what it had before. */
    static boolean serving(TransferServer ts) {
        return hasPorts(ts) && ts.getStatus().conditions != null && ts.getStatus().conditions.stream()
                .anyMatch(c -> ConditionType.DEGRADED.wireName().equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
