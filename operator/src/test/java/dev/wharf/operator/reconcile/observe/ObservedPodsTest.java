package dev.wharf.operator.reconcile.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.operator.api.PodStatus;
import dev.wharf.operator.render.topology.NodeTopology;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservedPodsTest {

    private static Pod pod(String name, String node, boolean ready) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build();
    }

    private static final NodeTopology TWO_SOCKETS = NodeTopology.parse("{\"version\":1,"
            + "\"nodes\":[{\"id\":0,\"cpus\":\"0-3\"},{\"id\":1,\"cpus\":\"4-7\"}],"
            + "\"interfaces\":[{\"name\":\"eth0\",\"numaNode\":1,\"localCpus\":\"4-7\"}],"
            + "\"storage\":{\"device\":\"sda\",\"numaNode\":0,\"localCpus\":\"0-3\"}}");

    @Test
    void countsReadyPodsAndListsTheirNodesOnce() {
        List<Pod> pods = List.of(pod("x-1", "n2", true), pod("x-0", "n1", false), pod("x-2", null, false));
        assertEquals(1, ObservedPods.readyCount(pods));
        assertEquals(List.of("n1", "n2"), ObservedPods.nodes(pods));
    }

    @Test
    void pinnedCpusAreJudgedAgainstTheNodesTopology() {
        List<PodStatus> statuses = ObservedPods.statuses(List.of(pod("x-1", "n1", true), pod("x-0", "n1", false)),
                (p, ready) -> ready ? "4-5" : null, node -> TWO_SOCKETS, node -> "eth0");
        assertEquals("x-0", statuses.get(0).name, "sorted by name");
        assertEquals(null, statuses.get(0).pinnedCpus);
        PodStatus pinned = statuses.get(1);
        assertEquals("4-5", pinned.pinnedCpus);
        assertEquals(Boolean.TRUE, pinned.nicLocal);
        assertEquals(Boolean.FALSE, pinned.diskLocal);
    }
}
