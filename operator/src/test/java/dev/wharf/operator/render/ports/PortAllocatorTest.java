package dev.wharf.operator.render.ports;

import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.PoolPorts;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.render.ports.PortAllocationResult.Allocated;
import dev.wharf.operator.render.ports.PortAllocationResult.Refused;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortAllocatorTest {

    private static final PoolPorts POOL = new PoolPorts(new PortRange(2800, 2809), new PortRange(20000, 20999), 300);

    private static Map<DoorType, Integer> doors(Object... typeAndPort) {
        Map<DoorType, Integer> m = new EnumMap<>(DoorType.class);
        for (int i = 0; i < typeAndPort.length; i += 2) {
            m.put((DoorType) typeAndPort[i], (Integer) typeAndPort[i + 1]);
        }
        return m;
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "expected '" + part + "' in: " + text);
        }
    }

    private static PortRequest req(String key, String created, Map<DoorType, Integer> doors) {
        return new PortRequest(key, created, doors, false, null, null);
    }

    private static PortAllocationStatus ports(Map<String, PortAllocationResult> results, String key) {
        assertInstanceOf(Allocated.class, results.get(key));
        return ((Allocated) results.get(key)).ports();
    }

    @Test
    void twoServersSharingThePoolGetDisjointPorts() {
        var results = PortAllocator.allocate("fast", POOL, List.of(
                req("b/second", "2026-01-02T00:00:00Z", doors(DoorType.FTP, null)),
                new PortRequest("a/first", "2026-01-01T00:00:00Z", doors(DoorType.FTP, null, DoorType.GSIFTP, null),
                        true, null, null)));

        assertEquals(List.of("a/first", "b/second"), List.copyOf(results.keySet()));
        PortAllocationStatus first = ports(results, "a/first");
        assertEquals(Map.of("ftp", 2800, "gsiftp", 2801), first.doors);
        assertEquals(2802, first.admin);
        assertEquals(2803, first.sshd);
        assertEquals(new PortRange(20000, 20299), first.data);

        PortAllocationStatus second = ports(results, "b/second");
        assertEquals(Map.of("ftp", 2804), second.doors);
        assertEquals(2805, second.admin);
        assertNull(second.sshd);
        assertEquals(new PortRange(20300, 20599), second.data);
    }

    @Test
    void anAutoSshdPortIsNeverPrivilegedWhileTheBlockHasAHigherOne() {
        PoolPorts low = new PoolPorts(new PortRange(1020, 1030), new PortRange(20000, 20999), 100);
        PortAllocationStatus p = ports(PortAllocator.allocate("low", low, List.of(
                new PortRequest("a/job", "1", doors(DoorType.FTP, null), true, null, null))), "a/job");
        assertEquals(Map.of("ftp", 1020), p.doors);
        assertEquals(1021, p.admin);
        assertEquals(1024, p.sshd, "the sidecar runs without privileges: from 1024 up");
        PoolPorts allLow = new PoolPorts(new PortRange(900, 910), new PortRange(20000, 20999), 100);
        PortAllocationStatus q = ports(PortAllocator.allocate("low", allLow, List.of(
                new PortRequest("a/job", "1", doors(DoorType.FTP, null), true, null, null))), "a/job");
        assertEquals(902, q.sshd, "none higher: a low one, which the sshd renderer refuses with a reason");
    }

    @Test
    void fixedPortsAreHonouredBeforeAutoPortsOfOlderServers() {
        var results = PortAllocator.allocate("fast", POOL, List.of(
                req("a/old", "1", doors(DoorType.FTP, null)),
                req("b/new", "2", doors(DoorType.GSIFTP, 2800))));
        assertEquals(2800, ports(results, "b/new").doors.get("gsiftp"));
        assertEquals(2801, ports(results, "a/old").doors.get("ftp"));
        assertEquals(2802, ports(results, "a/old").admin);
    }

    @Test
    void previousAllocationsAreKeptWhenNewServersArrive() {
        PortAllocationStatus held = new PortAllocationStatus();
        held.doors.put("ftp", 2807);
        held.admin = 2808;
        held.data = new PortRange(20600, 20899);
        var results = PortAllocator.allocate("fast", POOL, List.of(
                req("z/newcomer", "1", doors(DoorType.FTP, null)),
                new PortRequest("y/settled", "2", doors(DoorType.FTP, null), false, null, held)));

        assertEquals(held, ports(results, "y/settled"));
        PortAllocationStatus newcomer = ports(results, "z/newcomer");
        assertEquals(2800, newcomer.doors.get("ftp"));
        assertEquals(new PortRange(20000, 20299), newcomer.data);
    }

    @Test
    void anAddedDoorKeepsTheOldPortsAndGetsANewOne() {
        PortAllocationStatus held = new PortAllocationStatus();
        held.doors.put("ftp", 2805);
        held.admin = 2806;
        held.data = new PortRange(20000, 20299);
        var results = PortAllocator.allocate("fast", POOL, List.of(
                new PortRequest("a/s", "1", doors(DoorType.FTP, null, DoorType.FTPS, null), false, null, held)));
        PortAllocationStatus now = ports(results, "a/s");
        assertEquals(Map.of("ftp", 2805, "ftps", 2800), now.doors);
        assertEquals(2806, now.admin);
        assertEquals(held.data, now.data);
    }

    @Test
    void exhaustedControlBlockIsAResultNotAnException() {
        List<PortRequest> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(req("ns/s" + i, "t" + i, doors(DoorType.FTP, null)));
        }
        var results = PortAllocator.allocate("fast", POOL, requests);
        // 10 control ports, 2 per server: five fit by control ports, but only three data blocks of 300 fit.
        assertInstanceOf(Allocated.class, results.get("ns/s0"));
        assertInstanceOf(Allocated.class, results.get("ns/s2"));
        Refused refused = (Refused) results.get("ns/s3");
        assertEquals(PortAllocationResult.POOL_EXHAUSTED, refused.reason());
        assertContains(refused.message(), "StoragePool fast", "300 data ports", "20000-20999");
        assertInstanceOf(Refused.class, results.get("ns/s5"));

        var control = PortAllocator.allocate("fast", new PoolPorts(new PortRange(2800, 2802), new PortRange(20000, 29999), 10),
                List.of(req("a/a", "1", doors(DoorType.FTP, null, DoorType.FTPS, null, DoorType.GSIFTP, null))));
        Refused noControl = (Refused) control.get("a/a");
        assertEquals(PortAllocationResult.POOL_EXHAUSTED, noControl.reason());
        assertContains(noControl.message(), "no free control port", "2800-2802", "needs 4");
    }

    @Test
    void aRefusedServerHoldsNothingSoLaterServersStillFit() {
        var results = PortAllocator.allocate("fast", new PoolPorts(new PortRange(2800, 2803), new PortRange(20000, 20099), 50),
                List.of(req("a/big", "1", doors(DoorType.FTP, null, DoorType.FTPS, null, DoorType.GSIFTP, null, DoorType.DCAP, null)),
                        req("b/small", "2", doors(DoorType.FTP, null))));
        assertInstanceOf(Refused.class, results.get("a/big"));
        assertEquals(2800, ports(results, "b/small").doors.get("ftp"));
        assertEquals(new PortRange(20000, 20049), ports(results, "b/small").data);
    }

    @Test
    void conflictsAndPortsOutsideThePoolAreRefusedWithReasons() {
        var results = PortAllocator.allocate("fast", POOL, List.of(
                req("a/first", "1", doors(DoorType.GSIFTP, 2805)),
                req("b/second", "2", doors(DoorType.GSIFTP, 2805)),
                req("c/third", "3", doors(DoorType.GSIFTP, 2811)),
                req("d/self", "4", doors(DoorType.FTP, 2806, DoorType.GSIFTP, 2806))));
        assertEquals(2805, ports(results, "a/first").doors.get("gsiftp"));
        Refused conflict = (Refused) results.get("b/second");
        assertEquals(PortAllocationResult.PORT_CONFLICT, conflict.reason());
        assertContains(conflict.message(), "port 2805", "TransferServer a/first");
        Refused outside = (Refused) results.get("c/third");
        assertEquals(PortAllocationResult.PORT_OUTSIDE_POOL, outside.reason());
        assertContains(outside.message(), "2811", "2800-2809");
        assertContains(((Refused) results.get("d/self")).message(), "same TransferServer");
    }

    @Test
    void resultIsTheSameForAnyInputOrderAndNeverOverlaps() {
        List<PortRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(new PortRequest("ns/s" + i, "2026-01-0" + (3 - i), doors(DoorType.FTP, null, DoorType.DCAP, null),
                    i == 1, null, null));
        }
        var reference = PortAllocator.allocate("p", POOL, requests);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(requests, new java.util.Random(round));
            assertEquals(reference, PortAllocator.allocate("p", POOL, requests));
        }
        Set<Integer> control = new HashSet<>();
        List<PortRange> data = new ArrayList<>();
        for (PortAllocationResult r : reference.values()) {
            PortAllocationStatus s = ((Allocated) r).ports();
            for (int p : s.doors.values()) {
                assertTrue(control.add(p));
            }
            assertTrue(control.add(s.admin));
            if (s.sshd != null) {
                assertTrue(control.add(s.sshd));
            }
            for (PortRange other : data) {
                assertTrue(s.data.last() < other.first() || other.last() < s.data.first());
            }
            data.add(s.data);
        }
        // idempotent: feeding the result back as previous allocations changes nothing
        List<PortRequest> again = new ArrayList<>();
        for (PortRequest r : requests) {
            again.add(new PortRequest(r.key(), r.orderKey(), r.doors(), r.sshd(), r.sshdPort(),
                    ((Allocated) reference.get(r.key())).ports()));
        }
        assertEquals(reference, PortAllocator.allocate("p", POOL, again));
    }

    @Test
    void dcapDoorsOnlyGetPortsLibdcapCanReach() {
        // a control block straddling 32768: dCap doors are served first, from the low end
        PoolPorts straddling = new PoolPorts(new PortRange(32766, 32775), new PortRange(20000, 20999), 300);
        var results = PortAllocator.allocate("p", straddling, List.of(
                req("a/first", "1", doors(DoorType.FTP, null, DoorType.DCAP, null, DoorType.GSIDCAP, null)),
                req("b/second", "2", doors(DoorType.DCAP, null)),
                req("c/third", "3", doors(DoorType.DCAP, 40000))));
        PortAllocationStatus first = ports(results, "a/first");
        assertEquals(Map.of("dcap", 32766, "gsidcap", 32767, "ftp", 32768), first.doors);
        assertEquals(32769, first.admin);
        Refused noLowPort = (Refused) results.get("b/second");
        assertEquals(PortAllocationResult.POOL_EXHAUSTED, noLowPort.reason());
        assertContains(noLowPort.message(), "below 32768", "door dcap");
        Refused fixedTooHigh = (Refused) results.get("c/third");
        assertEquals(PortAllocationResult.PORT_UNREACHABLE, fixedTooHigh.reason());
        assertContains(fixedTooHigh.message(), "40000", "signed 16-bit");
    }

    /** Issue 19: the Kerberos dCap door is reached by the same libdcap, so the same limit holds. */
    @Test
    void theKerberosDcapDoorIsADcapDoorToo() {
        PoolPorts straddling = new PoolPorts(new PortRange(32767, 32775), new PortRange(20000, 20999), 300);
        var results = PortAllocator.allocate("p", straddling, List.of(
                req("a/krb", "1", doors(DoorType.KRBFTP, null, DoorType.KRBDCAP, null, DoorType.SRM, null)),
                req("b/fixed", "2", doors(DoorType.KRBDCAP, 32770))));
        assertEquals(Map.of("krbdcap", 32767, "krbftp", 32768, "srm", 32769), ports(results, "a/krb").doors);
        assertEquals(PortAllocationResult.PORT_UNREACHABLE, ((Refused) results.get("b/fixed")).reason());
    }

    @Test
    void aDcapPortAbove32767FromAnEarlierAllocationIsNotKept() {
        PortAllocationStatus before = new PortAllocationStatus();
        before.doors = Map.of("dcap", 40001);
        PoolPorts wide = new PoolPorts(new PortRange(30000, 40100), new PortRange(20000, 20999), 300);
        var results = PortAllocator.allocate("p", wide, List.of(
                new PortRequest("a/old", "1", doors(DoorType.DCAP, null), false, null, before)));
        assertEquals(30000, ports(results, "a/old").doors.get("dcap"));
    }
}
