package dev.wharf.operator.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerStatus;
import dev.wharf.operator.render.ports.PortAllocationResult;
import dev.wharf.operator.render.ports.PortAllocationResult.Allocated;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortLedgerTest {

    private final StoragePool pool = Fixtures.pool("p", 2811, 2899, null);

    private static TransferServer server(String name, String created) {
        TransferServer ts = Fixtures.server("ns", name, "p", null);
        ts.getMetadata().setCreationTimestamp(created);
        return ts;
    }

    private static PortAllocationStatus ports(PortAllocationResult result) {
        return assertInstanceOf(Allocated.class, result).ports();
    }

    @Test
    void aServerWhoseStatusIsNotWrittenYetKeepsItsPortsAgainstANewcomer() {
        PortLedger ledger = new PortLedger();
        TransferServer older = server("b-older", "2026-01-01T00:00:01Z");
        PortAllocationStatus olderPorts = ports(ledger.allocate(older, pool, List.of(older)));
        // A server created earlier appears; "older"'s status still has no allocation.
        TransferServer earliest = server("a-earliest", "2026-01-01T00:00:00Z");
        PortAllocationStatus earliestPorts = ports(ledger.allocate(earliest, pool, List.of(older, earliest)));
        assertNotEquals(olderPorts.doors.get("ftp"), earliestPorts.doors.get("ftp"));
        assertEquals(olderPorts, ports(ledger.allocate(older, pool, List.of(older, earliest))),
                "the ledger stood in for the missing status");
    }

    @Test
    void afterARestartTheStatusesGiveTheSameAnswer() {
        PortLedger first = new PortLedger();
        TransferServer a = server("a", "2026-01-01T00:00:00Z");
        TransferServer b = server("b", "2026-01-01T00:00:01Z");
        first.allocate(a, pool, List.of(a, b));
        PortAllocationStatus bPorts = ports(first.allocate(b, pool, List.of(a, b)));
        a.setStatus(new TransferServerStatus());
        a.getStatus().allocation = ports(first.allocate(a, pool, List.of(a, b)));
        b.setStatus(new TransferServerStatus());
        b.getStatus().allocation = bPorts;
        assertEquals(bPorts, ports(new PortLedger().allocate(b, pool, List.of(a, b))));
    }

    @Test
    void releasedPortsGoToTheNextServer() {
        PortLedger ledger = new PortLedger();
        TransferServer a = server("a", "2026-01-01T00:00:00Z");
        PortAllocationStatus aPorts = ports(ledger.allocate(a, pool, List.of(a)));
        ledger.release(a);
        TransferServer c = server("c", "2026-01-01T00:00:05Z");
        assertEquals(aPorts, ports(ledger.allocate(c, pool, List.of(c))));
    }
}
