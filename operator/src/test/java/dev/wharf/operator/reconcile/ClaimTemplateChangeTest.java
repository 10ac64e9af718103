package dev.wharf.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimTemplateChangeTest {

    @Test
    void whatTheApiServerAddsToAStoredTemplateIsNoChange() {
        PersistentVolumeClaim stored = new PersistentVolumeClaimBuilder(claim("local-nvme", "1Ti"))
                .editSpec().withVolumeMode("Filesystem").endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build();
        assertFalse(ClaimTemplateChange.between(sts(stored), sts(claim("local-nvme", "1024Gi"))), "1Ti is 1024Gi");
    }

    @Test
    void aNewSizeClassOrMoveBetweenHostPathAndATemplateIsAChange() {
        assertTrue(ClaimTemplateChange.between(sts(claim("local-nvme", "1Ti")), sts(claim("local-nvme", "2Ti"))));
        assertTrue(ClaimTemplateChange.between(sts(claim("local-nvme", "1Ti")), sts(claim("ceph", "1Ti"))));
        assertTrue(ClaimTemplateChange.between(sts(), sts(claim("local-nvme", "1Ti"))), "hostPath to a template");
        assertTrue(ClaimTemplateChange.between(sts(claim("local-nvme", "1Ti")), sts()), "a template to hostPath");
        assertFalse(ClaimTemplateChange.between(null, sts(claim("local-nvme", "1Ti"))), "nothing runs yet: nothing to change");
        assertFalse(ClaimTemplateChange.between(sts(), sts()));
    }

    private static PersistentVolumeClaim claim(String storageClass, String size) {
        return new PersistentVolumeClaimBuilder().withNewMetadata().withName("storage").endMetadata()
                .withNewSpec().withStorageClassName(storageClass).withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources().endSpec().build();
    }

    private static StatefulSet sts(PersistentVolumeClaim... claims) {
        return new StatefulSetBuilder().withNewSpec().withVolumeClaimTemplates(List.of(claims)).endSpec().build();
    }
}
