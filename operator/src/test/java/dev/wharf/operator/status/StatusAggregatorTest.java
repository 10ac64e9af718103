package dev.wharf.operator.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.status.StatusAggregator.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T11:00:00Z");

    @Test
    void nothingReportedMeansReadyNotProgressingNotDegraded() {
        Conditions c = StatusAggregator.from(List.of(), 3L, T0).build();
        assertEquals(List.of("Ready", "Progressing", "Degraded"), c.conditions().stream().map(Condition::getType).toList());
        assertEquals("True", c.get(ConditionType.READY).getStatus());
        assertEquals("False", c.get(ConditionType.PROGRESSING).getStatus());
        assertEquals("False", c.get(ConditionType.DEGRADED).getStatus());
        assertTrue(c.changed());
    }

    @Test
    void degradedMakesReadyFalseWithTheSameReasonAndMessage() {
        Conditions c = StatusAggregator.from(null, 1L, T0).degraded("PoolNotFound", "StoragePool \"fast\" does not exist").build();
        assertEquals("True", c.get(ConditionType.DEGRADED).getStatus());
        assertEquals("PoolNotFound", c.get(ConditionType.DEGRADED).getReason());
        assertEquals("False", c.get(ConditionType.READY).getStatus());
        assertEquals("PoolNotFound", c.get(ConditionType.READY).getReason());
        assertEquals("StoragePool \"fast\" does not exist", c.get(ConditionType.READY).getMessage());
    }

    @Test
    void degradedStopsProgressing() {
        Conditions c = StatusAggregator.from(null, 1L, T0).progressing("Rolling", "x").degraded("Bad", "y").build();
        assertEquals("False", c.get(ConditionType.PROGRESSING).getStatus());
        assertEquals("Degraded", c.get(ConditionType.PROGRESSING).getReason());
    }

    @Test
    void notReadyMakesReadyFalseButNotDegraded() {
        Conditions c = StatusAggregator.from(null, 1L, T0).notReady("PodsNotReady", "0/2 pods ready").build();
        assertEquals("False", c.get(ConditionType.READY).getStatus());
        assertEquals("PodsNotReady", c.get(ConditionType.READY).getReason());
        assertEquals("False", c.get(ConditionType.DEGRADED).getStatus());
    }

    @Test
    void progressingMakesProgressingTrue() {
        Conditions c = StatusAggregator.from(null, 1L, T0).progressing("Rolling", "pod template changed").build();
        assertEquals("True", c.get(ConditionType.PROGRESSING).getStatus());
        assertEquals("Rolling", c.get(ConditionType.PROGRESSING).getReason());
        assertEquals("pod template changed", c.get(ConditionType.PROGRESSING).getMessage());
    }

    @Test
    void readyReasonAndMessageAreUsedOnlyWhenNothingElseIsReported() {
        Conditions ok = StatusAggregator.from(null, 1L, T0).ready("AllPodsReady", "2/2 pods ready").build();
        assertEquals("AllPodsReady", ok.get(ConditionType.READY).getReason());
        Conditions waiting = StatusAggregator.from(null, 1L, T0).ready("AllPodsReady", "2/2").notReady("Wait", "w").build();
        assertEquals("Wait", waiting.get(ConditionType.READY).getReason());
    }

    @Test
    void severalFindingsJoinMessagesFirstReasonWinsDuplicatesDropped() {
        Conditions c = StatusAggregator.from(null, 1L, T0)
                .degraded("SecretNotFound", "Secret a missing")
                .degraded("CertificateInvalid", "Secret b: bad PEM")
                .degraded("SecretNotFound", "Secret a missing")
                .build();
        assertEquals("SecretNotFound", c.get(ConditionType.DEGRADED).getReason());
        assertEquals("Secret a missing; Secret b: bad PEM", c.get(ConditionType.DEGRADED).getMessage());
    }

    @Test
    void everyConditionCarriesTheGenerationAsObservedGeneration() {
        Conditions c = StatusAggregator.from(List.of(), 7L, T0).notReady("Wait", "w").build();
        c.conditions().forEach(cond -> assertEquals(7L, cond.getObservedGeneration()));
    }

    @Test
    void lastTransitionTimeIsKeptWhenStatusReasonAndMessageAreUnchanged() {
        List<Condition> first = StatusAggregator.from(null, 1L, T0).notReady("Wait", "w").build().conditions();
        Conditions second = StatusAggregator.from(first, 2L, T1).notReady("Wait", "w").build();
        second.conditions().forEach(cond -> assertEquals(T0.toString(), cond.getLastTransitionTime()));
        assertTrue(second.changed(), "the new observedGeneration must still be written");
    }

    @Test
    void lastTransitionTimeMovesWhenOnlyTheMessageChanges() {
        List<Condition> first = StatusAggregator.from(null, 1L, T0).notReady("Wait", "0/2 ready").build().conditions();
        Conditions second = StatusAggregator.from(first, 1L, T1).notReady("Wait", "1/2 ready").build();
        assertEquals(T1.toString(), second.get(ConditionType.READY).getLastTransitionTime());
        assertEquals(T0.toString(), second.get(ConditionType.DEGRADED).getLastTransitionTime());
    }

    @Test
    void lastTransitionTimeMovesWhenTheStatusFlips() {
        List<Condition> first = StatusAggregator.from(null, 1L, T0).notReady("Wait", "w").build().conditions();
        Conditions second = StatusAggregator.from(first, 1L, T1).build();
        assertEquals("True", second.get(ConditionType.READY).getStatus());
        assertEquals(T1.toString(), second.get(ConditionType.READY).getLastTransitionTime());
    }

    @Test
    void sameFindingsAndGenerationMeanNoUpdate() {
        List<Condition> first = StatusAggregator.from(null, 4L, T0).progressing("Rolling", "r").build().conditions();
        Conditions second = StatusAggregator.from(first, 4L, T1).progressing("Rolling", "r").build();
        assertFalse(second.changed());
        assertEquals(first, second.conditions());
    }

    @Test
    void conditionsOfOtherTypesAreDroppedAndCountAsAChange() {
        List<Condition> first = new ArrayList<>(StatusAggregator.from(null, 1L, T0).build().conditions());
        first.add(new ConditionBuilder().withType("Legacy").withStatus("True").withReason("Old").build());
        Conditions second = StatusAggregator.from(first, 1L, T1).build();
        assertEquals(3, second.conditions().size());
        assertTrue(second.changed());
    }

    @Test
    void aServerKeptRunningIsDegradedButItsReadinessFollowsThePods() {
        Conditions c = StatusAggregator.from(null, 1L, T0).degraded("SecretMissing", "Secret tls does not exist")
                .stillServing().ready("AllPodsReady", "1/1 transfer pods ready").build();
        assertEquals("True", c.get(ConditionType.DEGRADED).getStatus());
        assertEquals("SecretMissing", c.get(ConditionType.DEGRADED).getReason());
        assertEquals("True", c.get(ConditionType.READY).getStatus());
        assertEquals("AllPodsReady", c.get(ConditionType.READY).getReason());
        assertEquals("False", c.get(ConditionType.PROGRESSING).getStatus());

        Conditions waiting = StatusAggregator.from(null, 1L, T0).degraded("SecretMissing", "gone").stillServing()
                .notReady("PodsNotReady", "0/1 transfer pods ready").build();
        assertEquals("PodsNotReady", waiting.get(ConditionType.READY).getReason());
    }
}
