package dev.wharf.operator.render.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.UpdateStrategy;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.TransferServerRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutRenderTest {

    private static StatefulSet render(TransferServer ts) {
        return ((Rendered) TransferServerRenderer.render(ts, Fixtures.pool(),
                new PortAllocationResult.Allocated(Fixtures.gridPorts()), Fixtures.gridSecrets(), List.of(), Fixtures.SETTINGS))
                .statefulSet();
    }

    @Test
    void aServerOnSeveralNodesLosesAtMostOnePodToADrain() {
        TransferServer ts = Fixtures.gridServer();
        PodDisruptionBudget pdb = DisruptionBudget.render(ts, Fixtures.SETTINGS).orElseThrow();
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(ObjectNames.selector(ts), pdb.getSpec().getSelector().getMatchLabels());
        assertEquals("AlwaysAllow", pdb.getSpec().getUnhealthyPodEvictionPolicy(), "a broken pod never blocks a drain");
        assertEquals("wharf-data", pdb.getMetadata().getNamespace());
        assertEquals(ObjectNames.labels(ts), pdb.getMetadata().getLabels());

        ts.getSpec().nodes = 1;
        assertTrue(DisruptionBudget.render(ts, Fixtures.SETTINGS).isEmpty(), "a budget for one pod would block every drain");
    }

    @Test
    void rollingIsTheDefaultAndOnDeleteLeavesPodsToTheUser() {
        TransferServer ts = Fixtures.gridServer();
        assertEquals("RollingUpdate", render(ts).getSpec().getUpdateStrategy().getType());
        assertEquals(0, render(ts).getSpec().getUpdateStrategy().getRollingUpdate().getPartition());
        ts.getSpec().updateStrategy = UpdateStrategy.ON_DELETE;
        assertEquals("OnDelete", render(ts).getSpec().getUpdateStrategy().getType());
    }

    @Test
    void theServersLastLogLinesBecomeItsTerminationMessage() {
        assertEquals("FallbackToLogsOnError",
                render(Fixtures.gridServer()).getSpec().getTemplate().getSpec().getContainers().get(0).getTerminationMessagePolicy());
    }
}
