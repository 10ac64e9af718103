package dev.wharf.operator.reconcile.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutStateTest {

    private static Pod pod(String name, String revision, String node, boolean ready) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(Map.of(RolloutState.REVISION_LABEL, revision)).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition().endStatus()
                .build();
    }

    private static StatefulSet sts(long generation, Long observed, String updateRevision) {
        return new StatefulSetBuilder().withNewMetadata().withName("x").withGeneration(generation).endMetadata()
                .withNewStatus().withObservedGeneration(observed).withUpdateRevision(updateRevision).endStatus().build();
    }

    @Test
    void podsFromAnOlderRevisionAreOutdated() {
        RolloutState s = RolloutState.of(sts(2, 2L, "r2"), List.of(pod("x-1", "r1", "a", true), pod("x-0", "r2", "b", true)), 2);
        assertEquals(List.of("x-1"), s.outdated());
        assertEquals("1/2 updated", s.summary());
        assertFalse(s.complete());
        assertTrue(RolloutState.of(sts(2, 2L, "r2"), List.of(pod("x-1", "r2", "a", true)), 2).complete(),
                "a missing pod is not outdated (readiness reports it)");
    }

    @Test
    void untilTheControllerHasSeenTheNewTemplateNoPodIsCurrent() {
        RolloutState s = RolloutState.of(sts(3, 2L, "r2"), List.of(pod("x-0", "r2", "a", true)), 1);
        assertEquals(List.of("x-0"), s.outdated());
    }

    @Test
    void withoutAPublishedRevisionPodsCountAsCurrent() {
        assertTrue(RolloutState.of(new StatefulSetBuilder().withNewMetadata().withName("x").endMetadata().build(),
                List.of(pod("x-0", "r1", "a", true)), 1).complete());
        assertTrue(RolloutState.of(null, List.of(), 1).complete());
    }

    @Test
    void endpointsComeOnlyFromReadyPodsOnLiveNodes() {
        Map<String, Node> nodes = Map.of(
                "a", new NodeBuilder().withNewMetadata().withName("a").endMetadata().withNewStatus().addNewCondition()
                        .withType("Ready").withStatus("True").endCondition().endStatus().build(),
                "b", new NodeBuilder().withNewMetadata().withName("b").endMetadata().withNewStatus().addNewCondition()
                        .withType("Ready").withStatus("Unknown").endCondition().endStatus().build(),
                "c", new NodeBuilder().withNewMetadata().withName("c").endMetadata().build(),
                "d", new NodeBuilder().withNewMetadata().withName("d").withDeletionTimestamp("2026-12-07T19:00:00Z").endMetadata().build());
        List<Pod> pods = List.of(pod("x-0", "r", "a", true), pod("x-1", "r", "b", true), pod("x-2", "r", "c", false),
                pod("x-3", "r", "d", true), pod("x-4", "r", "gone", true));
        assertEquals(List.of("a"), ObservedPods.servingNodes(pods, nodes::get));
    }
}
