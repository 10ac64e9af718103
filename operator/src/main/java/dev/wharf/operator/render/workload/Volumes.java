package dev.wharf.operator.render.workload;

import dev.wharf.operator.api.ClaimTemplateStorage;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The volumes of a transfer pod and the pool's claim template. */
final class Volumes {

    static final String CONFIG = "config";
    static final String CREDENTIALS = "credentials";
    static final String TRUST_ANCHORS = "trust-anchors";
    static final String STORAGE = "storage";
    static final String TMP = "tmp";

    private Volumes() {
    }

    static List<Volume> render(TransferServer ts, StoragePoolSpec pool, boolean trustAnchors) {
        List<Volume> v = new ArrayList<>();
        v.add(new VolumeBuilder().withName(CONFIG).withNewConfigMap().withName(ObjectNames.configMap(ts))
                .endConfigMap().build());
        // 0400: private keys must not be readable by others (GSI tools refuse group/world-readable keys)
        v.add(new VolumeBuilder().withName(CREDENTIALS).withNewSecret().withSecretName(ObjectNames.credentials(ts))
                .withDefaultMode(0400).endSecret().build());
        if (trustAnchors) {
            v.add(new VolumeBuilder().withName(TRUST_ANCHORS).withNewSecret()
                    .withSecretName(ObjectNames.trustAnchors(ts)).withDefaultMode(0444).endSecret().build());
        }
        if (pool.storage.hostPath != null) {
            v.add(new VolumeBuilder().withName(STORAGE).withNewHostPath().withPath(pool.storage.hostPath.path)
                    .withType("Directory").endHostPath().build());
        }
        v.add(new VolumeBuilder().withName(TMP).withNewEmptyDir().endEmptyDir().build());
        return v;
    }

    /** The per-pod claim when the pool uses a volume claim template, else none. */
    static List<PersistentVolumeClaim> claimTemplates(TransferServer ts, StoragePoolSpec pool) {
        ClaimTemplateStorage t = pool.storage.volumeClaimTemplate;
        if (t == null) {
            return List.of();
        }
        return List.of(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(STORAGE).withLabels(ObjectNames.selector(ts)).endMetadata()
                .withNewSpec()
                .withAccessModes(t.accessModes == null || t.accessModes.isEmpty() ? List.of("ReadWriteOnce") : t.accessModes)
                .withStorageClassName(t.storageClassName)
                .withNewResources().withRequests(Map.of("storage", new Quantity(t.size))).endResources()
                .endSpec()
                .build());
    }
}
