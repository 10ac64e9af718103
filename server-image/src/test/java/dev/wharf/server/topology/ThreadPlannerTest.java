package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which CPUs each role gets, for every fixture machine. */
class ThreadPlannerTest {

    @TempDir
    Path dir;

    private Topology topology(String fixture, String storage, String iface) throws IOException {
        InterfaceLookup none = a -> a.isLoopbackAddress() ? Optional.of("lo") : Optional.empty();
        Path root = java.nio.file.Files.createTempDirectory(dir, fixture);
        return new TopologyDiscovery(FakeSysfs.build(fixture, root), none).discover(storage, iface);
    }

    private static Topology withAllowed(Topology t, String cpus) {
        return new Topology(t.sysfsRoot(), t.nodes(), CpuSet.parse(cpus), t.cgroupCpuset(), t.nics(),
                t.dataInterface(), t.dataInterfaceRequested(), t.storage(), t.warnings());
    }

    private static void assertPlan(ThreadPlan plan, String net, String disk, String control) {
        assertEquals(net, plan.cpus(Role.NET).toString(), "net");
        assertEquals(disk, plan.cpus(Role.DISK).toString(), "disk");
        assertEquals(control, plan.cpus(Role.CONTROL).toString(), "control");
    }

    @Test
    void oneSocketVmDoesNotFenceRolesOffItsTwoCpus() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("one-socket-vm", "/srv", "eth0"), PinningSetting.AUTO);
        assertPlan(p, "0-1", "0-1", "0-1");
        assertEquals("0-1", p.cpusForThread(Role.NET, 0).toString(), "event loops are not tied to one CPU");
        assertFalse(p.onePerCpu(Role.NET));
        assertEquals("eth0", p.device(Role.NET));
        assertEquals("vda", p.device(Role.DISK));
        assertTrue(p.pinning());
    }

    @Test
    void oneCpuEveryRoleSharesIt() throws IOException {
        Topology t = withAllowed(topology("one-socket-vm", "/srv", "eth0"), "1");
        assertPlan(ThreadPlanner.plan(t, PinningSetting.AUTO), "1", "1", "1");
    }

    @Test
    void twoSocketNetOnNicNodeDiskOnNvmeNodeControlOnTheLastDiskCpu() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("two-socket", "/data", "ens1f0"), PinningSetting.AUTO);
        assertPlan(p, "12-23,36-47", "0-11,24-34", "35");
        assertEquals("nvme0n1", p.device(Role.DISK));
        assertEquals("ens1f0", p.device(Role.NET));
        assertEquals(24, p.suggestedThreads(Role.NET));
    }

    @Test
    void twoSocketDmOverMdNamesTheTopDevice() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("two-socket", "/stack", "bond0.100"), PinningSetting.AUTO);
        assertPlan(p, "12-23,36-47", "0-11,24-34", "35");
        assertEquals("dm-0", p.device(Role.DISK));
    }

    @Test
    void twoSocketUnknownNicTakesWhatTheDiskLeaves() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("two-socket", "/data", "127.0.0.1"), PinningSetting.AUTO);
        assertPlan(p, "12-23,36-47", "0-11,24-34", "35");
        assertTrue(p.notes().get(0).contains("placement unknown"), p.notes().toString());
    }

    @Test
    void storageSpanningNodesSharesWithTheNicNode() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("two-socket", "/scratch", "ens1f0"), PinningSetting.AUTO);
        // md1's disks are on both nodes, so DISK could use all 48 CPUs while NET wants node 1: the
        // shared node 1 goes to NET so both sides end up with 24, and DISK keeps node 0.
        assertPlan(p, "12-23,36-47", "0-11,24-34", "35");
        assertEquals("md1", p.device(Role.DISK));
    }

    @Test
    void containerCpusetStraddlingBothNodes() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("container-cpuset", "/data", "ens1f0"), PinningSetting.AUTO);
        assertPlan(p, "12-13", "10", "11");
    }

    @Test
    void cpusetOnlyOnTheNicNodeIsShared() throws IOException {
        Topology t = withAllowed(topology("two-socket", "/data", "ens1f0"), "12-13");
        ThreadPlan p = ThreadPlanner.plan(t, PinningSetting.AUTO);
        assertPlan(p, "12-13", "12-13", "12-13");
        assertTrue(p.notes().stream().anyMatch(n -> n.contains("outside the allowed")), p.notes().toString());
    }

    @Test
    void threeCpusOnOneNodeAreShared() throws IOException {
        Topology t = withAllowed(topology("no-numa", "/", "eth0"), "0-2");
        assertPlan(ThreadPlanner.plan(t, PinningSetting.AUTO), "0-2", "0-2", "0-2");
    }

    @Test
    void twoCpusOnDifferentNodesAreStillSplitForLocality() throws IOException {
        Topology t = withAllowed(topology("two-socket", "/data", "ens1f0"), "11-12");
        assertPlan(ThreadPlanner.plan(t, PinningSetting.AUTO), "12", "11", "11-12");
    }

    @Test
    void noNumaFourCpusGivesControlOneOfItsOwn() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("no-numa", "/", "eth0"), PinningSetting.AUTO);
        assertPlan(p, "0-1", "2", "3");
    }

    @Test
    void noneUsesTheAllowedCpusForEveryRoleAndDoesNotPin() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("container-cpuset", "/data", "ens1f0"), PinningSetting.NONE);
        assertPlan(p, "10-13", "10-13", "10-13");
        assertFalse(p.pinning());
    }

    @Test
    void explicitMapAndMissingRolesFloat() throws IOException {
        Topology t = topology("two-socket", "/data", "ens1f0");
        ThreadPlan p = ThreadPlanner.plan(t, PinningSetting.parse("net:12-15; disk:0-3"));
        assertPlan(p, "12-15", "0-3", "0-47");
    }

    @Test
    void explicitCpusOutsideTheCpusetAreAConfigError() throws IOException {
        Topology t = topology("container-cpuset", "/data", "ens1f0");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ThreadPlanner.plan(t, PinningSetting.parse("net:0-1;disk:10")));
        assertTrue(e.getMessage().contains("net CPUs 0-1 are outside") && e.getMessage().contains("10-13"),
                e.getMessage());
    }

    @Test
    void netThreadsRoundRobinOneCpuEachOthersGetTheirSet() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("container-cpuset", "/data", "ens1f0"), PinningSetting.AUTO);
        assertTrue(p.onePerCpu(Role.NET));
        assertEquals("12", p.cpusForThread(Role.NET, 0).toString());
        assertEquals("13", p.cpusForThread(Role.NET, 1).toString());
        assertEquals("12", p.cpusForThread(Role.NET, 2).toString());
        ThreadPlan q = ThreadPlanner.plan(topology("two-socket", "/data", "ens1f0"), PinningSetting.AUTO);
        assertEquals("0-11,24-34", q.cpusForThread(Role.DISK, 5).toString());
    }

    @Test
    void statusShape() throws IOException {
        ThreadPlan p = ThreadPlanner.plan(topology("one-socket-vm", "/srv", "eth0"), PinningSetting.AUTO);
        Map<String, Object> s = p.toStatus();
        assertEquals("auto", s.get("pinning"));
        assertEquals("0-1", s.get("allowedCpus"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> roles = (Map<String, Map<String, Object>>) s.get("roles");
        assertEquals("0-1", roles.get("net").get("cpus"));
        assertEquals("eth0", roles.get("net").get("device"));
        assertEquals(false, roles.get("net").get("onePerCpu"));
    }
}
