package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.PoolAllocation;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.StoragePoolStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.reconcile.policy.NamespaceCaps;
import dev.wharf.operator.render.topology.NodeTopology;
import dev.wharf.operator.render.topology.TopologySummary;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The non-condition part of a StoragePool's status, from its nodes and TransferServers (pure). */
final class PoolReport {

    private PoolReport() {
    }

    static boolean matches(StoragePool pool, Node node) {
        Map<String, String> selector = pool.getSpec().nodeSelector;
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        return selector == null || selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static StoragePoolStatus status(StoragePool pool, List<Node> nodes, List<TransferServer> servers,
            Function<String, NodeTopology> topology) {
        StoragePoolStatus status = new StoragePoolStatus();
        status.nodes = new ArrayList<>(nodes.stream()
                .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
                .map(n -> n.getMetadata().getName())
                .map(n -> TopologySummary.poolNode(n, pool.getSpec().dataInterface.forNode(n), topology.apply(n)))
                .toList());
        status.nodeCount = status.nodes.size();
        status.allocations = new ArrayList<>(servers.stream()
                .filter(ts -> ts.getStatus() != null && ts.getStatus().allocation != null)
                .map(ts -> new PoolAllocation(ts.getMetadata().getNamespace() + "/" + ts.getMetadata().getName(), ts.getStatus().allocation))
                .sorted(Comparator.comparing((PoolAllocation a) -> a.transferServer))
                .toList());
        int control = 0;
        int data = 0;
        for (PoolAllocation a : status.allocations) {
            control += controlPorts(a.ports);
            data += a.ports.data == null ? 0 : a.ports.data.size();
        }
        status.namespaces = new ArrayList<>(NamespaceCaps.charge(pool.getMetadata().getName(), pool.getSpec(), servers).usage().values());
        status.usedBy = new ArrayList<>(servers.stream().map(ts -> NamespaceCaps.key(ts)).sorted().toList());
        status.controlPortsInUse = control + "/" + size(pool.getSpec().ports.control);
        status.dataPortsInUse = data + "/" + size(pool.getSpec().ports.data);
        return status;
    }

    private static int controlPorts(PortAllocationStatus ports) {
        return ports.doors.size() + (ports.admin == null ? 0 : 1) + (ports.sshd == null ? 0 : 1);
    }

    private static int size(PortRange range) {
        return range == null ? 0 : range.size();
    }
}
