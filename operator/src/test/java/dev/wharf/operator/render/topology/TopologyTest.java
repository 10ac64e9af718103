package dev.wharf.operator.render.topology;

import dev.wharf.operator.api.PodStatus;
import dev.wharf.operator.api.PoolNode;
import dev.wharf.operator.api.PoolStorage;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.render.Fixtures;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopologyTest {

    /** The two-socket example of docs/topology.md: NIC on node 1, NVMe on node 0. */
    static final String TWO_SOCKET = """
            starting topology discovery
            {
              "version" : 1, "sysfsRoot" : "/", "numa" : true,
              "nodes" : [ { "id" : 0, "cpus" : "0-11,24-35", "distances" : [ 10, 21 ] },
                          { "id" : 1, "cpus" : "12-23,36-47", "distances" : [ 21, 10 ] } ],
              "allowedCpus" : "0-47",
              "cgroupCpuset" : null,
              "interfaces" : [
                { "name" : "ens1f0", "virtual" : false, "numaNode" : 1, "localCpus" : "12-23,36-47", "lower" : [ ] },
                { "name" : "lo", "virtual" : true, "numaNode" : null, "localCpus" : null, "lower" : [ ] } ],
              "dataInterface" : null,
              "storage" : { "path" : "/data", "device" : "nvme0n1", "numaNode" : 0, "localCpus" : "0-11,24-35",
                            "futureField" : 42 },
              "warnings" : [ ]
            }
            """;

    @Test
    void parsesTheVersionOneReportAfterLogNoise() {
        NodeTopology t = NodeTopology.parse(TWO_SOCKET);
        assertEquals(List.of(new NodeTopology.NumaNode(0, "0-11,24-35"), new NodeTopology.NumaNode(1, "12-23,36-47")), t.numaNodes());
        assertEquals(new NodeTopology.Nic("ens1f0", 1, "12-23,36-47"), t.nic("ens1f0").orElseThrow());
        assertNull(t.nic("lo").orElseThrow().numaNode());
        assertEquals(new NodeTopology.Storage("nvme0n1", 0, "0-11,24-35"), t.storage());
    }

    @Test
    void rejectsWhatIsNotAVersionOneReport() {
        assertThrows(IllegalArgumentException.class, () -> NodeTopology.parse("no json here"));
        assertThrows(IllegalArgumentException.class, () -> NodeTopology.parse("{\"version\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> NodeTopology.parse("{\"version\": 1, "));
    }

    @Test
    void poolNodeSummaryAndAlignment() {
        PoolNode split = TopologySummary.poolNode("node-a", "ens1f0", NodeTopology.parse(TWO_SOCKET));
        assertEquals(2, split.numaNodes);
        assertEquals(1, split.nicNumaNode);
        assertEquals(0, split.diskNumaNode);
        assertEquals("12-23,36-47", split.nicLocalCpus);
        assertFalse(split.aligned);

        PoolNode aligned = TopologySummary.poolNode("node-b", "ens1f0",
                NodeTopology.parse(TWO_SOCKET.replace("\"numaNode\" : 0, \"localCpus\" : \"0-11", "\"numaNode\" : 1, \"localCpus\" : \"0-11")));
        assertTrue(aligned.aligned);

        PoolNode unknownNic = TopologySummary.poolNode("node-c", "eth9", NodeTopology.parse(TWO_SOCKET));
        assertEquals(TopologySummary.UNKNOWN, unknownNic.nicNumaNode);
        assertFalse(unknownNic.aligned);

        PoolNode single = TopologySummary.poolNode("node-d", "eth0", NodeTopology.parse(
                "{\"version\":1,\"nodes\":[{\"id\":0,\"cpus\":\"0-3\"}],\"interfaces\":[],\"storage\":null}"));
        assertTrue(single.aligned, "one NUMA node: everything is local");

        PoolNode noReport = TopologySummary.poolNode("node-e", "eth0", null);
        assertNull(noReport.aligned);

        assertEquals(List.of("node-b", "node-d"), TopologySummary.alignedNodes(List.of(split, single, aligned, unknownNic, noReport)));
    }

    @Test
    void podLocalityOfPinnedCpus() {
        NodeTopology t = NodeTopology.parse(TWO_SOCKET);
        PodStatus nicSide = TopologySummary.pod("p-0", "node-a", true, "12-13", "ens1f0", t);
        assertEquals("12-13", nicSide.pinnedCpus);
        assertTrue(nicSide.nicLocal);
        assertFalse(nicSide.diskLocal);
        PodStatus straddling = TopologySummary.pod("p-0", "node-a", true, "11-12", "ens1f0", t);
        assertFalse(straddling.nicLocal);
        assertFalse(straddling.diskLocal);
        PodStatus unknown = TopologySummary.pod("p-1", "node-a", false, null, "ens1f0", t);
        assertNull(unknown.nicLocal);
        assertFalse(unknown.ready);
    }

    @Test
    void cpuLists() {
        assertEquals("0-3,8,10-11", CpuList.format(CpuList.parse("0-3, 8,10-11")));
        assertEquals("0,2,4,6", CpuList.format(CpuList.parse("0-7:2")));
        assertTrue(CpuList.parse("").isEmpty());
        assertTrue(CpuList.within(CpuList.parse("2-3"), CpuList.parse("0-7")));
        assertFalse(CpuList.within(CpuList.parse(""), CpuList.parse("0-7")));
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("5-2"));
    }

    @Test
    void agentDaemonSetReportsThroughItsLogWithoutPrivileges() {
        StoragePoolSpec pool = Fixtures.pool();
        DaemonSet ds = TopologyAgentRenderer.daemonSet("fast", pool, Fixtures.SETTINGS);
        assertEquals("wharf-topology-fast", ds.getMetadata().getName());
        assertEquals("wharf-data", ds.getMetadata().getNamespace());
        assertEquals("fast", ds.getMetadata().getLabels().get("wharf.dev/pool"));
        assertEquals(TopologyAgentRenderer.selector("fast"), ds.getSpec().getSelector().getMatchLabels());

        PodSpec pod = ds.getSpec().getTemplate().getSpec();
        assertTrue(pod.getHostNetwork(), "sys/class/net must show the node's NICs");
        assertFalse(pod.getAutomountServiceAccountToken());
        assertEquals(pool.nodeSelector, pod.getNodeSelector());
        assertEquals(pool.tolerations, pod.getTolerations());
        Container c = pod.getContainers().get(0);
        assertEquals("topology", c.getName());
        assertEquals(List.of("/bin/sh", "-c", "/usr/local/bin/wharf-entrypoint topology --storage /data && exec sleep infinity"),
                c.getCommand());
        assertEquals(10001L, c.getSecurityContext().getRunAsUser());
        assertTrue(c.getSecurityContext().getRunAsNonRoot());
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
        assertTrue(c.getSecurityContext().getCapabilities().getAdd().isEmpty());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/data") && m.getReadOnly()));
        assertEquals("/srv/data", pod.getVolumes().get(0).getHostPath().getPath());

        StoragePoolSpec claims = Fixtures.pool();
        claims.storage = new PoolStorage();
        claims.storage.volumeClaimTemplate = new dev.wharf.operator.api.ClaimTemplateStorage();
        Container noStorage = TopologyAgentRenderer.daemonSet("fast", claims, Fixtures.SETTINGS)
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("/usr/local/bin/wharf-entrypoint topology && exec sleep infinity", noStorage.getCommand().get(2));

        String longName = "p".repeat(60);
        String name = TopologyAgentRenderer.name(longName);
        assertTrue(name.length() <= 47 && name.startsWith("wharf-topology-ppp"), name);
        assertEquals(name, TopologyAgentRenderer.name(longName), "deterministic");
    }
}
