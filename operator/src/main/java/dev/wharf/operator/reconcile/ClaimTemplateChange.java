package dev.wharf.operator.reconcile;

import dev.wharf.operator.reconcile.validate.Finding;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Objects;

/**
 * Whether applying a rendered StatefulSet would change its volumeClaimTemplates, which the API server
 * rejects as immutable (a pool's claim template changed, or the pool moved between hostPath and a
 * template). Compared on what the renderer sets — name, storage class, access modes, size — because the
 * API server adds defaults (volumeMode, status) to the stored copy. Pure.
 */
final class ClaimTemplateChange {

    static final String STORAGE_CHANGED = "StorageChanged";

    private ClaimTemplateChange() {
    }

    static boolean between(StatefulSet existing, StatefulSet desired) {
        return existing != null && !essence(existing).equals(essence(desired));
    }

    static Finding finding(String pool) {
        return new Finding(STORAGE_CHANGED, "the storage of StoragePool " + pool + " changed, and a StatefulSet's volume claim templates cannot change;"
                + " this server keeps its current storage. To move it to the new storage, delete and recreate the"
                + " TransferServer (its per-pod claims, and the files on them, are deleted with it)");
    }

    private static List<String> essence(StatefulSet sts) {
        List<PersistentVolumeClaim> claims = sts.getSpec() == null || sts.getSpec().getVolumeClaimTemplates() == null
                ? List.of() : sts.getSpec().getVolumeClaimTemplates();
        return claims.stream().map(c -> c.getMetadata().getName() + "|" + c.getSpec().getStorageClassName() + "|"
                + c.getSpec().getAccessModes() + "|" + size(c)).sorted().toList();
    }

    private static String size(PersistentVolumeClaim c) {
        if (c.getSpec().getResources() == null || c.getSpec().getResources().getRequests() == null) {
            return "";
        }
        Quantity q = c.getSpec().getResources().getRequests().get("storage");
        return q == null ? "" : Objects.toString(Quantity.getAmountInBytes(q).stripTrailingZeros().toPlainString());
    }
}
