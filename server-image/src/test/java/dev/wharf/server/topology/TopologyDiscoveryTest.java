package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyDiscoveryTest {

    @TempDir
    Path dir;

    /** The fake machines have no real interfaces: 10.0.0.5 is on bond0.100, 127/8 on lo. */
    private static final InterfaceLookup FAKE_ADDRESSES = a -> a.getHostAddress().equals("10.0.0.5")
            ? Optional.of("bond0.100") : a.isLoopbackAddress() ? Optional.of("lo") : Optional.empty();

    private Topology discover(String fixture, String storage, String iface) throws IOException {
        return new TopologyDiscovery(FakeSysfs.build(fixture, dir), FAKE_ADDRESSES).discover(storage, iface);
    }

    @Test
    void oneSocketVm() throws IOException {
        Topology t = discover("one-socket-vm", "/srv/files", "eth0");
        assertFalse(t.numa());
        assertEquals(1, t.nodes().size());
        assertEquals("0-1", t.nodes().get(0).cpus().toString());
        assertEquals("0-1", t.allowedCpus().toString());
        assertEquals(new CgroupCpuset(1, "/", CpuSet.parse("0-1")), t.cgroupCpuset());
        Nic eth0 = t.dataInterface();
        assertEquals("eth0", eth0.name());
        assertFalse(eth0.virtual());
        assertNull(eth0.numaNode(), "numa_node -1 means no affinity");
        assertEquals("0-1", eth0.localCpus().toString(), "virtio: read from the PCI function above");
        assertTrue(t.nic("lo").orElseThrow().virtual());
        assertNull(t.nic("lo").orElseThrow().numaNode());
        Storage s = t.storage();
        assertEquals("/", s.mountPoint());
        assertEquals("254:0", s.majorMinor());
        assertEquals("vda", s.device());
        assertEquals(List.of("vda"), s.layers());
        assertEquals(List.of(new Storage.Disk("vda", null, CpuSet.parse("0-1"))), s.disks());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
    }

    @Test
    void machineWithoutNumaReportsOneNode() throws IOException {
        Topology t = discover("no-numa", "/", null);
        assertEquals(1, t.nodes().size());
        assertEquals(0, t.nodes().get(0).id());
        assertEquals("0-3", t.nodes().get(0).cpus().toString());
        assertNull(t.cgroupCpuset());
        Nic eth0 = t.nic("eth0").orElseThrow();
        assertNull(eth0.numaNode());
        assertNull(eth0.localCpus());
        assertNull(t.dataInterface());
        assertTrue(t.storage().disks().isEmpty(), "179:2 is not in the fake sys/dev/block");
        assertEquals(1, t.warnings().size(), t.warnings().toString());
    }

    @Test
    void twoSocketServerNicOnNode1NvmeOnNode0() throws IOException {
        Topology t = discover("two-socket", "/data/run1", "ens1f0");
        assertTrue(t.numa());
        assertEquals("0-11,24-35", t.node(0).orElseThrow().cpus().toString());
        assertEquals(List.of(21, 10), t.node(1).orElseThrow().distances());
        assertEquals("0-47", t.allowedCpus().toString());
        assertEquals(new CgroupCpuset(2, "/system.slice/wharf.service", CpuSet.parse("0-47")), t.cgroupCpuset());
        assertEquals(1, t.dataInterface().numaNode());
        assertEquals("12-23,36-47", t.dataInterface().localCpus().toString());
        assertEquals(0, t.nic("eno1").orElseThrow().numaNode());
        Storage s = t.storage();
        assertEquals("/data", s.mountPoint());
        assertEquals("nvme0n1p1", s.device());
        assertEquals(List.of("nvme0n1p1", "nvme0n1"), s.layers());
        assertEquals(0, s.numaNode());
        assertEquals("0-11,24-35", s.localCpus().toString());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
    }

    @Test
    void bondAndVlanInheritTheirLowerDevicesNode() throws IOException {
        Topology t = discover("two-socket", null, "10.0.0.5");
        Nic bond = t.nic("bond0").orElseThrow();
        assertTrue(bond.virtual());
        assertEquals(List.of("ens1f0", "ens1f1"), bond.lower());
        assertEquals(1, bond.numaNode());
        assertEquals("bond0.100", t.dataInterface().name());
        assertEquals(1, t.dataInterface().numaNode());
        assertEquals("12-23,36-47", t.dataInterface().localCpus().toString());
        Nic bridge = t.nic("docker0").orElseThrow();
        assertTrue(bridge.virtual());
        assertNull(bridge.numaNode());
    }

    @Test
    void deviceMapperOverMdOverPartitions() throws IOException {
        Storage s = discover("two-socket", "/stack/x", null).storage();
        assertEquals("dm-0", s.device());
        assertEquals(List.of("dm-0", "md0", "nvme0n1p2", "nvme0n1", "nvme1n1p1", "nvme1n1"), s.layers());
        assertEquals(List.of("nvme0n1", "nvme1n1"), s.disks().stream().map(Storage.Disk::name).toList());
        assertEquals(0, s.numaNode());
        assertEquals("0-11,24-35", s.localCpus().toString());
    }

    @Test
    void mdSpanningBothNodesHasNoNodeAndSaysSo() throws IOException {
        Topology t = discover("two-socket", "/scratch", null);
        Storage s = t.storage();
        assertEquals(List.of("nvme1n1", "sda"), s.disks().stream().map(Storage.Disk::name).toList());
        assertNull(s.numaNode());
        assertEquals("0-47", s.localCpus().toString());
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).contains("different NUMA nodes"), t.warnings().get(0));
    }

    @Test
    void tmpfsHasNoBlockDevice() throws IOException {
        Topology t = discover("two-socket", "/tmp/a", null);
        assertEquals("tmpfs", t.storage().fsType());
        assertNull(t.storage().device());
        assertTrue(t.storage().disks().isEmpty());
        assertTrue(t.warnings().get(0).contains("no block device"), t.warnings().toString());
    }

    @Test
    void escapedMountPoint() throws IOException {
        Storage s = discover("two-socket", "/data/with space/f", null).storage();
        assertEquals("/data/with space", s.mountPoint());
        assertEquals("nvme0n1p1", s.device());
    }

    @Test
    void containerLimitedByCpuset() throws IOException {
        Topology t = discover("container-cpuset", "/data", "ens1f0");
        assertEquals("10-13", t.allowedCpus().toString());
        assertEquals(new CgroupCpuset(1, "/docker/4f1e0c", CpuSet.parse("10-13")), t.cgroupCpuset());
        assertEquals(1, t.dataInterface().numaNode());
        Storage s = t.storage();
        assertEquals("nvme0n1p1", s.device());
        assertEquals(0, s.numaNode());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
    }

    @Test
    void dataInterfaceByLoopbackAddressAndUnknownNames() throws IOException {
        Topology t = discover("one-socket-vm", null, "127.0.0.2");
        assertEquals("lo", t.dataInterface().name());
        Topology u = new TopologyDiscovery(dir, FAKE_ADDRESSES).discover(null, "eth9");
        assertNull(u.dataInterface());
        assertTrue(u.warnings().get(0).contains("eth9"), u.warnings().toString());
    }

    @Test
    void realMachineLoopbackResolvesToLo() throws Exception {
        assertEquals(Optional.of("lo"), InterfaceLookup.system().nameOf(InetAddress.getByName("127.0.0.2")));
    }
}
