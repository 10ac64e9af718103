package dev.wharf.operator.reconcile.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.NamespaceUsage;
import dev.wharf.operator.api.PoolPolicy;
import dev.wharf.operator.api.ResourceCaps;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamespaceCapsTest {

    @Test
    void usageIsChargedToEachNamespaceAsCpusTimesNodes() {
        var result = NamespaceCaps.charge("scratch", new StoragePoolSpec(), List.of(
                server("physics", "a", "2026-01-01T00:00:00Z", 4, "8Gi", 2),
                server("physics", "b", "2026-01-02T00:00:00Z", 2, "512Mi", 1),
                server("chem", "c", "2026-01-03T00:00:00Z", 2, "4Gi", 1)));
        assertEquals(Set.of(), result.refused().keySet());
        NamespaceUsage physics = result.usage().get("physics");
        assertEquals(2, physics.servers);
        assertEquals(10, physics.cpus);
        assertEquals("16896Mi", physics.memory);
        assertEquals(3, physics.nodes);
        assertEquals("4Gi", result.usage().get("chem").memory);
    }

    @Test
    void theNewestServerThatWouldGoOverACapIsRefusedAndNotCharged() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.policy = new PoolPolicy();
        pool.policy.perNamespace = new ResourceCaps(8, null, null);
        var result = NamespaceCaps.charge("scratch", pool, List.of(
                server("physics", "new", "2026-01-02T00:00:00Z", 4, "1Gi", 1),
                server("physics", "old", "2026-01-01T00:00:00Z", 3, "1Gi", 2),
                server("chem", "other", "2026-01-03T00:00:00Z", 8, "1Gi", 1)));
        assertEquals(Set.of("physics/new"), result.refused().keySet(), "the older server keeps its share; chem has its own");
        var finding = result.refused().get("physics/new");
        assertEquals(NamespaceCaps.NAMESPACE_CAP_EXCEEDED, finding.reason());
        assertTrue(finding.message().contains("namespace physics would use 10 cpus, above 8"), finding.message());
        assertTrue(finding.message().contains("in use: 6 cpus"), finding.message());
        assertEquals(6, result.usage().get("physics").cpus);
    }

    @Test
    void memoryAndNodeCapsToo() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.policy = new PoolPolicy();
        pool.policy.perNamespace = new ResourceCaps(null, "16Gi", 3);
        var result = NamespaceCaps.charge("scratch", pool, List.of(
                server("physics", "a", "2026-01-01T00:00:00Z", 1, "8Gi", 2),
                server("physics", "b", "2026-01-02T00:00:00Z", 1, "1Gi", 1),
                server("chem", "c", "2026-01-01T00:00:00Z", 1, "1Gi", 4)));
        assertTrue(result.refused().get("physics/b").message().contains("17Gi memory, above 16Gi"));
        assertTrue(result.refused().get("chem/c").message().contains("4 nodes, above 3"));
    }

    @Test
    void serversThePoolRefusesOnTheirOwnAreNotCharged() {
        var result = NamespaceCaps.charge("scratch", new StoragePoolSpec(), List.of(
                withDcap(server("physics", "a", "2026-01-01T00:00:00Z", 4, "1Gi", 1))));
        assertTrue(result.usage().isEmpty(), "dcap is not admitted by default: " + result.usage());
    }

    @Test
    void admissionCombinesTheServersOwnRulesWithItsNamespacesCaps() {
        StoragePoolSpec pool = new StoragePoolSpec();
        pool.policy = new PoolPolicy();
        pool.policy.perNamespace = new ResourceCaps(null, null, 2);
        TransferServer old = server("physics", "old", "2026-01-01T00:00:00Z", 1, "1Gi", 2);
        TransferServer late = server("physics", "late", "2026-01-02T00:00:00Z", 1, "1Gi", 1);
        dev.wharf.operator.api.StoragePool scratch = new dev.wharf.operator.api.StoragePool();
        scratch.getMetadata().setName("scratch");
        scratch.setSpec(pool);
        assertEquals(List.of(), PoolAdmission.check(old, scratch, List.of(old, late)));
        assertEquals(NamespaceCaps.NAMESPACE_CAP_EXCEEDED, PoolAdmission.check(late, scratch, List.of(old)).get(0).reason());
        scratch.getMetadata().setDeletionTimestamp("2026-01-03T00:00:00Z");
        assertEquals(PoolAdmission.POOL_DELETING, PoolAdmission.check(old, scratch, List.of(old)).get(0).reason(),
                "a pool being deleted lets nobody in");
    }

    private static TransferServer withDcap(TransferServer ts) {
        ts.getSpec().doors.with(DoorType.DCAP, dev.wharf.operator.api.Door.auto());
        return ts;
    }

    static TransferServer server(String ns, String name, String created, int cpus, String memory, int nodes) {
        TransferServer ts = new TransferServer();
        ts.getMetadata().setNamespace(ns);
        ts.getMetadata().setName(name);
        ts.getMetadata().setCreationTimestamp(created);
        TransferServerSpec spec = PolicyCheckTest.spec(DoorType.FTP);
        spec.cpus = cpus;
        spec.memory = memory;
        spec.nodes = nodes;
        ts.setSpec(spec);
        return ts;
    }
}
