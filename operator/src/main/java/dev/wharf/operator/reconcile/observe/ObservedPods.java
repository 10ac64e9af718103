package dev.wharf.operator.reconcile.observe;

import dev.wharf.operator.api.PodStatus;
import dev.wharf.operator.render.topology.NodeTopology;
import dev.wharf.operator.render.topology.TopologySummary;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What the transfer pods show, turned into status entries (pure: the lookups are passed in). */
public final class ObservedPods {

    private ObservedPods() {
    }

    /**
     * @param pinned       a pod's pinned CPUs (cpulist) or {@code null}, given the pod and whether it is ready
     * @param topology     a node's topology report or {@code null}
     * @param nicOfNode    the data interface on a node
     */
    public static List<PodStatus> statuses(List<Pod> pods, BiFunction<Pod, Boolean, String> pinned,
            Function<String, NodeTopology> topology, Function<String, String> nicOfNode) {
        return pods.stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .map(p -> {
                    String node = node(p);
                    boolean ready = isReady(p);
                    return PodDiagnosis.describe(TopologySummary.pod(p.getMetadata().getName(), node, ready, pinned.apply(p, ready),
                            node == null ? null : nicOfNode.apply(node), topology.apply(node)), p);
                })
                .toList();
    }

    /** Nodes the pods were scheduled to, sorted, each once. */
    public static List<String> nodes(List<Pod> pods) {
        return pods.stream().map(ObservedPods::node).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /**
     * Nodes where a ready pod runs and the node itself is alive: its Node object exists, is not being
     * deleted, and its kubelet has not stopped reporting (Ready False or Unknown). Only these are endpoints.
     */
    public static List<String> servingNodes(List<Pod> pods, Function<String, Node> nodes) {
        return pods.stream().filter(ObservedPods::isReady).map(ObservedPods::node).filter(Objects::nonNull)
                .filter(n -> alive(nodes.apply(n))).distinct().sorted().toList();
    }

    private static boolean alive(Node node) {
        if (node == null || node.getMetadata().getDeletionTimestamp() != null) {
            return false;
        }
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return true;
        }
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .allMatch(c -> "True".equals(c.getStatus()));
    }

    public static int readyCount(List<Pod> pods) {
        return (int) pods.stream().filter(ObservedPods::isReady).count();
    }

    public static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String node(Pod pod) {
        return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }
}
