package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * /var/hostsfile: the job's hosts, one per line, in pod order. A host is listed once its pod has an
 * address (host networking: the node's) and until it is being deleted, which is exactly when the headless
 * Service's DNS name of the pod resolves (publishNotReadyAddresses). The names are those DNS names, so
 * every tool can use them, and they match the ssh client block.
 */
public final class HostsFile {

    private HostsFile() {
    }

    /** The DNS name of pod {@code podName} of {@code ts} through its headless Service. */
    public static String hostName(TransferServer ts, String namespace, String podName) {
        return podName + "." + ObjectNames.workload(ts) + "." + namespace + ".svc";
    }

    /** The host names of the pods of {@code ts} that can be reached now, ordered by pod ordinal. */
    public static List<String> hosts(TransferServer ts, String namespace, List<Pod> pods) {
        String prefix = ObjectNames.workload(ts) + "-";
        return pods.stream()
                .filter(p -> p.getMetadata().getName().startsWith(prefix))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isBlank())
                .map(p -> p.getMetadata().getName())
                .sorted(Comparator.comparingLong((String n) -> ordinal(n, prefix)).thenComparing(n -> n))
                .map(n -> hostName(ts, namespace, n))
                .toList();
    }

    /** The file's content: one host per line (an empty file while no pod has an address). */
    public static String render(List<String> hosts) {
        StringBuilder sb = new StringBuilder();
        hosts.forEach(h -> sb.append(h).append('\n'));
        return sb.toString();
    }

    /** "node endpoint-host" per line, sorted by node: the start script adds its node's host to the certificate. */
    public static String endpointHosts(Map<String, String> nodeHosts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(nodeHosts).forEach((node, host) -> sb.append(node).append(' ').append(host).append('\n'));
        return sb.toString();
    }

    private static long ordinal(String podName, String prefix) {
        try {
            return Long.parseLong(podName.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
