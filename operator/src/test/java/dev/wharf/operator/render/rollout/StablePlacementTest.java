package dev.wharf.operator.render.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.TransferServerRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class StablePlacementTest {

    private static StatefulSet render(TransferServer ts, List<String> preferred) {
        return ((Rendered) TransferServerRenderer.render(ts, Fixtures.pool(),
                new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), preferred, Fixtures.SETTINGS))
                .statefulSet();
    }

    private static List<String> preferred(StatefulSet sts) {
        var affinity = sts.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity();
        return affinity == null ? List.of()
                : affinity.getPreferredDuringSchedulingIgnoredDuringExecution().get(0).getPreference().getMatchFields().get(0).getValues();
    }

    @Test
    void aNodeAddedRemovedOrReReportedLeavesTheRunningTemplateAlone() {
        StatefulSet running = StablePlacement.keep(render(Fixtures.gridServer(), List.of("node-a")), null);
        for (List<String> reported : List.<List<String>>of(List.of("node-a", "node-b"), List.of(), List.of("node-b"), List.of("node-a"))) {
            StatefulSet next = StablePlacement.keep(render(Fixtures.gridServer(), reported), running);
            assertEquals(Serialization.asJson(running), Serialization.asJson(next), "reported " + reported);
        }
    }

    @Test
    void aChangeTheUserAskedForTakesTheFreshPreference() {
        StatefulSet running = StablePlacement.keep(render(Fixtures.gridServer(), List.of("node-a")), null);
        TransferServer bigger = Fixtures.gridServer();
        bigger.getSpec().cpus = 8;
        StatefulSet next = StablePlacement.keep(render(bigger, List.of("node-b", "node-c")), running);
        assertEquals(List.of("node-b", "node-c"), preferred(next));
        assertNotEquals(running.getMetadata().getAnnotations().get(StablePlacement.TEMPLATE_ANNOTATION),
                next.getMetadata().getAnnotations().get(StablePlacement.TEMPLATE_ANNOTATION));
    }

    @Test
    void theFirstRenderUsesThePreferenceAsReported() {
        assertEquals(List.of("node-a"), preferred(StablePlacement.keep(render(Fixtures.gridServer(), List.of("node-a")), null)));
        StatefulSet unannotated = render(Fixtures.gridServer(), List.of("node-a"));
        assertEquals(List.of("node-b"), preferred(StablePlacement.keep(render(Fixtures.gridServer(), List.of("node-b")), unannotated)),
                "a StatefulSet from before this rule carries no hash: take the fresh preference once");
    }
}
