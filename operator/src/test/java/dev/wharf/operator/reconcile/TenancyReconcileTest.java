package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.ClaimTemplateStorage;
import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.PoolStorage;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenants in one pool: their own subtrees, the pool's policy, and a pool's storage that changes under them. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TenancyReconcileTest extends FreshNamespaceReconcileTest {

    @Test
    void twoTenantsOfOnePoolEachSeeOnlyTheirOwnSubtree() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        TransferServer mine = client.resource(Fixtures.server(ns, "mine", poolName, null)).create();
        TransferServer theirs = client.resource(Fixtures.server(ns + "-other", "theirs", poolName, null)).create();
        StatefulSet a = awaitStatefulSet(mine);
        StatefulSet b = awaitStatefulSet(theirs);
        assertEquals(ns + "/mine", dataMount(a).getSubPath());
        assertEquals(ns + "-other/theirs", dataMount(b).getSubPath());
        assertEquals(ns + "/mine", a.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv().get(0).getValue());
    }

    @Test
    void aPoolWithoutPolicyRefusesPlainDcapAndCreatesNothing() {
        StoragePool pool = Fixtures.pool(poolName, 2811, 2899, null);
        pool.getSpec().policy = null;
        client.resource(pool).create();
        TransferServer ts = Fixtures.server(ns, "dcap", poolName, null);
        ts.getSpec().doors.with(DoorType.DCAP, Door.auto());
        client.resource(ts).create();
        TransferServer refused = awaitStatus("dcap", s -> TransferServerReconcilerTest.condition(s, "Degraded")
                .map(c -> "DoorNotAllowed".equals(c.getReason())).orElse(false));
        assertTrue(TransferServerReconcilerTest.condition(refused, "Degraded").orElseThrow().getMessage()
                .contains("policy.doors does not admit door dcap"));
        assertEquals(null, refused.getStatus().allocation, "a refused server holds no ports");
        assertTrue(owned(ts).isEmpty());
    }

    @Test
    void aChangedClaimTemplateIsRefusedWithAConditionAndTheRunningServerKeepsItsStorage() {
        StoragePool pool = Fixtures.pool(poolName, 2811, 2899, null);
        pool.getSpec().storage = claimTemplate("1Ti");
        client.resource(pool).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "claims", poolName, null)).create();
        StatefulSet before = awaitStatefulSet(ts);
        assertEquals("Delete", before.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted());

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            client.resources(StoragePool.class).withName(poolName).edit(p -> {
                p.getSpec().storage = claimTemplate("2Ti");
                return p;
            });
            return true;
        });
        TransferServer degraded = awaitStatus("claims", s -> TransferServerReconcilerTest.condition(s, "Degraded")
                .map(c -> "StorageChanged".equals(c.getReason())).orElse(false));
        assertTrue(TransferServerReconcilerTest.condition(degraded, "Degraded").orElseThrow().getMessage()
                .contains("delete and recreate the TransferServer"));
        StatefulSet after = awaitStatefulSet(ts);
        assertEquals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion(),
                "never sent to the API server, which would reject the immutable field");
        assertEquals(new Quantity("1Ti"), after.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests().get("storage"));
    }

    @Test
    void claimsMadeFromThePoolsTemplateGoWithTheServer() {
        StoragePool pool = Fixtures.pool(poolName, 2811, 2899, null);
        pool.getSpec().storage = claimTemplate("1Ti");
        client.resource(pool).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "leak", poolName, null)).create();
        awaitStatefulSet(ts);
        // what the StatefulSet controller makes: storage-<pod>, labelled with the claim template's labels
        PersistentVolumeClaim claim = client.resource(new PersistentVolumeClaimBuilder().withNewMetadata()
                .withName("storage-" + ObjectNames.workload(ts) + "-0").withNamespace(DATA_PLANE)
                .withLabels(ObjectNames.selector(ts)).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Ti"))).endResources().endSpec().build()).create();
        client.resource(ts).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> client.resource(claim).get() == null);
    }

    private static PoolStorage claimTemplate(String size) {
        PoolStorage storage = new PoolStorage();
        storage.volumeClaimTemplate = new ClaimTemplateStorage();
        storage.volumeClaimTemplate.size = size;
        storage.volumeClaimTemplate.storageClassName = "local-nvme";
        return storage;
    }

    private StatefulSet awaitStatefulSet(TransferServer ts) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> client.apps().statefulSets().inNamespace(DATA_PLANE).withName(ObjectNames.workload(ts)).get(),
                s -> s != null);
    }

    private static VolumeMount dataMount(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> "/data".equals(m.getMountPath())).findFirst().orElseThrow();
    }
}
