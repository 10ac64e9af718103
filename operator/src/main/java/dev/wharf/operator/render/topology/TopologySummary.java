package dev.wharf.operator.render.topology;

import dev.wharf.operator.api.PodStatus;
import dev.wharf.operator.api.PoolNode;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/** Node topology reports → the facts StoragePool and TransferServer status show, and node preference. */
public final class TopologySummary {

    /** Reported for a NUMA node the report does not know. */
    public static final int UNKNOWN = -1;

    private TopologySummary() {
    }

    /**
     * One pool node's summary. {@code topology} may be {@code null} (no report yet): then only name and
     * interface are set.
     */
    public static PoolNode poolNode(String node, String dataInterface, NodeTopology topology) {
        PoolNode p = new PoolNode();
        p.name = node;
        p.dataInterface = dataInterface;
        if (topology == null) {
            return p;
        }
        p.numaNodes = topology.numaNodes().size();
        Integer nicNode = topology.nic(dataInterface).map(NodeTopology.Nic::numaNode).orElse(null);
        Integer diskNode = topology.storage() == null ? null : topology.storage().numaNode();
        p.nicNumaNode = nicNode == null ? UNKNOWN : nicNode;
        p.diskNumaNode = diskNode == null ? UNKNOWN : diskNode;
        p.nicLocalCpus = topology.nic(dataInterface).map(NodeTopology.Nic::localCpus)
                .orElse(topology.cpusOf(nicNode));
        p.aligned = topology.numaNodes().size() <= 1 || (nicNode != null && nicNode.equals(diskNode));
        return p;
    }

    /** Names of the nodes whose NIC and storage share a NUMA node: the transfer pods prefer them. */
    public static List<String> alignedNodes(Collection<PoolNode> nodes) {
        return nodes.stream().filter(n -> Boolean.TRUE.equals(n.aligned)).map(n -> n.name).sorted().toList();
    }

    /**
     * A pod's entry for TransferServer status: whether the CPUs its threads were pinned to (the server
     * reports them on its /status endpoint) all sit on the data NIC's and the storage device's NUMA node.
     * Locality is {@code null} when the report does not say where the device is.
     */
    public static PodStatus pod(String podName, String node, boolean ready, String pinnedCpus, String dataInterface,
            NodeTopology topology) {
        PodStatus s = new PodStatus();
        s.name = podName;
        s.node = node;
        s.ready = ready;
        s.pinnedCpus = pinnedCpus;
        if (pinnedCpus == null || pinnedCpus.isBlank() || topology == null) {
            return s;
        }
        BitSet pinned = CpuList.parse(pinnedCpus);
        if (topology.numaNodes().size() == 1) {
            s.nicLocal = true;
            s.diskLocal = true;
            return s;
        }
        Integer nicNode = topology.nic(dataInterface).map(NodeTopology.Nic::numaNode).orElse(null);
        s.nicLocal = local(pinned, topology.cpusOf(nicNode));
        s.diskLocal = topology.storage() == null ? null : local(pinned, topology.cpusOf(topology.storage().numaNode()));
        return s;
    }

    private static Boolean local(BitSet pinned, String nodeCpus) {
        return nodeCpus == null ? null : CpuList.within(pinned, CpuList.parse(nodeCpus));
    }
}
