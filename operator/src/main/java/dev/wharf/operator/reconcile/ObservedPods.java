package dev.wharf.operator.reconcile;

import dev.wharf.operator.api.PodStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the transfer pods report, turned into status entries (pure).
 *
 * <p>Pinned CPUs: the server knows which CPUs its threads were pinned to only after start-up, so it
 * writes them onto its own pod as annotations (see docs/operator.md, "Pinned CPUs"); the operator
 * only reads them. A pod that has not written them yet shows no pinnedCpus (unknown), never a guess.
 */
public final class ObservedPods {

    /** cpulist of the CPUs the server's threads are pinned to, e.g. {@code 4-7}. */
    public static final String PINNED_CPUS = "wharf.dev/pinned-cpus";
    /** {@code true}/{@code false}: every pinned CPU is on the data NIC's NUMA node. */
    public static final String NIC_LOCAL = "wharf.dev/pinned-cpus-nic-local";
    /** {@code true}/{@code false}: every pinned CPU is on the storage device's NUMA node. */
    public static final String DISK_LOCAL = "wharf.dev/pinned-cpus-disk-local";

    private ObservedPods() {
    }

    public static List<PodStatus> statuses(List<Pod> pods) {
        return pods.stream()
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .map(ObservedPods::status)
                .toList();
    }

    /** Nodes the pods were scheduled to, sorted, each once. */
    public static List<String> nodes(List<Pod> pods) {
        return pods.stream().map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    public static int readyCount(List<Pod> pods) {
        return (int) pods.stream().filter(ObservedPods::isReady).count();
    }

    static PodStatus status(Pod pod) {
        PodStatus s = new PodStatus();
        s.name = pod.getMetadata().getName();
        s.node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        s.ready = isReady(pod);
        Map<String, String> annotations = pod.getMetadata().getAnnotations() == null ? Map.of() : pod.getMetadata().getAnnotations();
        s.pinnedCpus = annotations.get(PINNED_CPUS);
        s.nicLocal = bool(annotations.get(NIC_LOCAL));
        s.diskLocal = bool(annotations.get(DISK_LOCAL));
        return s;
    }

    static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }
}
