package dev.wharf.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.StoragePoolStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolReportTest {

    private final StoragePool pool = Fixtures.pool("p", 2811, 2820, null);

    private static Node node(String name, Map<String, String> labels) {
        return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }

    @Test
    void aNodeMatchesWhenItCarriesEverySelectorLabel() {
        assertTrue(PoolReport.matches(pool, node("a", Map.of("wharf.dev/pool-p", "true", "other", "x"))));
        assertFalse(PoolReport.matches(pool, node("b", Map.of("wharf.dev/pool-p", "false"))));
        assertFalse(PoolReport.matches(pool, node("c", null)));
    }

    @Test
    void countsThePortsHeldByItsServersSortedByName() {
        TransferServer b = Fixtures.server("ns", "b", "p", null);
        b.setStatus(new TransferServerStatus());
        b.getStatus().allocation = new PortAllocationStatus();
        b.getStatus().allocation.doors.put("ftp", 2811);
        b.getStatus().allocation.admin = 2812;
        b.getStatus().allocation.data = new PortRange(20000, 20099);
        TransferServer a = Fixtures.server("ns", "a", "p", null);
        StoragePoolStatus status = PoolReport.status(pool, List.of(node("n2", null), node("n1", null)), List.of(b, a), n -> null);
        assertEquals(List.of("n1", "n2"), status.nodes.stream().map(n -> n.name).toList());
        assertEquals(2, status.nodeCount);
        assertEquals(1, status.allocations.size(), "a server without an allocation holds nothing");
        assertEquals("ns/b", status.allocations.get(0).transferServer);
        assertEquals("2/10", status.controlPortsInUse);
        assertEquals("100/1000", status.dataPortsInUse);
    }
}
