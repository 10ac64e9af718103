package dev.wharf.operator.reconcile.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.PodStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodDiagnosisTest {

    private static PodStatus describe(Pod pod) {
        return PodDiagnosis.describe(new PodStatus(), pod);
    }

    @Test
    void aPendingPodShowsTheSchedulersReason() {
        String why = "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.";
        PodStatus s = describe(new PodBuilder().withNewMetadata().withName("x-0").endMetadata()
                .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage(why).endCondition().endStatus().build());
        assertEquals("Pending", s.phase);
        assertEquals(why, s.pendingReason);
        assertEquals(null, s.restarts, "no container yet");
    }

    @Test
    void aCrashingServerShowsRestartsWaitingReasonAndItsLastWords() {
        PodStatus s = describe(new PodBuilder().withNewMetadata().withName("x-0").endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewContainerStatus().withName("sshd").withRestartCount(9).endContainerStatus()
                .addNewContainerStatus().withName("server").withRestartCount(4)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").withMessage("back-off 40s").endWaiting().endState()
                .withNewLastState().withNewTerminated().withReason("Error").withExitCode(2)
                .withFinishedAt("2026-12-07T19:00:00Z").withMessage("server.conf:3: unknown key limits.clinets\n")
                .endTerminated().endLastState()
                .endContainerStatus().endStatus().build());
        assertEquals(4, s.restarts, "the server container's, not the sidecar's");
        assertEquals("CrashLoopBackOff: back-off 40s", s.pendingReason);
        assertEquals("Error", s.lastTermination.reason);
        assertEquals(2, s.lastTermination.exitCode);
        assertEquals("2026-12-07T19:00:00Z", s.lastTermination.finishedAt);
        assertEquals("server.conf:3: unknown key limits.clinets", s.lastTermination.message);
    }

    @Test
    void aLongTerminationMessageKeepsItsEnd() {
        String log = "x".repeat(5000) + "the last line";
        PodStatus s = describe(new PodBuilder().withNewMetadata().withName("x-0").endMetadata().withNewStatus()
                .addNewContainerStatus().withName("server").withRestartCount(1)
                .withNewLastState().withNewTerminated().withReason("Error").withExitCode(1).withMessage(log).endTerminated().endLastState()
                .endContainerStatus().endStatus().build());
        assertTrue(s.lastTermination.message.endsWith("the last line"));
        assertTrue(s.lastTermination.message.length() <= PodDiagnosis.MESSAGE_LIMIT + 1);
    }

    @Test
    void aHealthyPodHasNothingToExplain() {
        PodStatus s = describe(new PodBuilder().withNewMetadata().withName("x-0").endMetadata().withNewStatus().withPhase("Running")
                .addNewContainerStatus().withName("server").withRestartCount(0).withNewState().withNewRunning().endRunning().endState()
                .endContainerStatus().endStatus().build());
        assertEquals(0, s.restarts);
        assertEquals(null, s.pendingReason);
        assertEquals(null, s.lastTermination);
    }
}
