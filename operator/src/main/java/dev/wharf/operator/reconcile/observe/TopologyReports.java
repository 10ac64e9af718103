package dev.wharf.operator.reconcile.observe;

import dev.wharf.operator.config.WharfSettings;
import dev.wharf.operator.render.topology.NodeTopology;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest topology report of each node, read from the log of the topology agent pod running there
 * (see {@link TopologyAgentRenderer}: the agent prints its JSON report once per container start and
 * needs no API access). A log is fetched once per container start; a report that is not there yet
 * is tried again on the next reconciliation. Shared by both reconcilers: the StoragePool status shows
 * the node summaries, the TransferServer status the locality of each pod's pinned CPUs.
 */
@ApplicationScoped
public class TopologyReports {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyReports.class);

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, NodeTopology> byNode = new ConcurrentHashMap<>();
    private final Map<String, String> readFrom = new ConcurrentHashMap<>();

    public TopologyReports(KubernetesClient client, WharfSettings settings) {
        this.client = client;
        this.namespace = settings.dataPlaneNamespace();
    }

    /** Reads the reports of agent pods whose container started since the last read. */
    public void refresh(List<Pod> agentPods) {
        for (Pod pod : agentPods) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            String start = containerStart(pod);
            if (node == null || start == null || start.equals(readFrom.get(node))) {
                continue;
            }
            try {
                String log = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                        .inContainer(TopologyAgentRenderer.CONTAINER).getLog();
                byNode.put(node, NodeTopology.parse(log));
                readFrom.put(node, start);
            } catch (IllegalArgumentException | KubernetesClientException e) {
                LOG.debug("no topology report from {} on {} yet: {}", pod.getMetadata().getName(), node, e.getMessage());
            }
        }
    }

    /** The node's report, or {@code null} when none has been read. */
    public NodeTopology of(String node) {
        return node == null ? null : byNode.get(node);
    }

    /** Identifies one start of the agent container: pod uid and restart count, once it runs. */
    private static String containerStart(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(c -> TopologyAgentRenderer.CONTAINER.equals(c.getName()))
                .filter(c -> c.getState() != null && c.getState().getRunning() != null)
                .map(c -> pod.getMetadata().getUid() + "/" + c.getRestartCount())
                .findFirst().orElse(null);
    }
}
