package dev.wharf.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a TransferServer counts as Ready, and how waiting ends. */
class WaitingTest {

    @Test
    void readyNeedsReadyTrueForTheCurrentGeneration() {
        assertTrue(Readiness.of(ts(3, 3L, cond("Ready", "True", "AllPodsReady"))).ready());
        Readiness stale = Readiness.of(ts(4, 3L, cond("Ready", "True", "AllPodsReady")));
        assertEquals(Readiness.State.UNKNOWN, stale.state());
        assertEquals("Stale", stale.reason());
        assertEquals(Readiness.State.UNKNOWN, Readiness.of(ts(1, null)).state());
        assertEquals(Readiness.State.UNKNOWN, Readiness.of(new GenericKubernetesResourceWithMeta(1).get()).state());
    }

    @Test
    void degradedAndProgressingAreReportedWithTheirMessages() {
        Readiness degraded = Readiness.of(ts(2, 2L, cond("Ready", "False", "PoolNotFound"), cond("Degraded", "True", "PoolNotFound")));
        assertEquals(Readiness.State.DEGRADED, degraded.state());
        assertEquals("PoolNotFound", degraded.reason());
        Readiness progressing = Readiness.of(ts(2, 2L, cond("Progressing", "True", "PodsStarting")));
        assertEquals(Readiness.State.PROGRESSING, progressing.state());
        assertFalse(progressing.ready());
    }

    @Test
    void pollReturnsAsSoonAsTheProbeAnswers() {
        AtomicInteger calls = new AtomicInteger();
        FakeClock clock = new FakeClock();
        String v = Poll.until("x", Duration.ofSeconds(10), Duration.ofSeconds(1),
                () -> calls.incrementAndGet() < 3 ? Optional.empty() : Optional.of("done"), () -> "n/a", clock);
        assertEquals("done", v);
        assertEquals(3, calls.get());
        assertEquals(Duration.ofSeconds(2).toNanos(), clock.now);
    }

    @Test
    void pollFailsAtTheDeadlineSayingWhatItLastSaw() {
        FakeClock clock = new FakeClock();
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.until("pods", Duration.ofSeconds(5), Duration.ofSeconds(1),
                Optional::empty, () -> "PROGRESSING (PodsStarting)", clock));
        assertTrue(e.getMessage().contains("pods") && e.getMessage().contains("PROGRESSING (PodsStarting)"), e.getMessage());
        assertTrue(clock.now >= Duration.ofSeconds(5).toNanos() && clock.now <= Duration.ofSeconds(6).toNanos());
    }

    @Test
    void pollKeepsTryingThroughErrorsAndReportsTheLastOne() {
        FakeClock clock = new FakeClock();
        AssertionError e = assertThrows(AssertionError.class, () -> Poll.until("api", Duration.ofSeconds(3), Duration.ofSeconds(1),
                () -> {
                    throw new IllegalStateException("connection refused");
                }, () -> "n/a", clock));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
    }

    private static Map<String, Object> cond(String type, String status, String reason) {
        return Map.of("type", type, "status", status, "reason", reason, "message", type + " " + reason);
    }

    @SafeVarargs
    private static GenericKubernetesResource ts(long generation, Long observed, Map<String, Object>... conditions) {
        GenericKubernetesResource r = new GenericKubernetesResourceWithMeta(generation).get();
        Map<String, Object> status = new java.util.HashMap<>();
        if (observed != null) {
            status.put("observedGeneration", observed);
        }
        status.put("conditions", List.of(conditions));
        r.setAdditionalProperty("status", status);
        return r;
    }

    private record GenericKubernetesResourceWithMeta(long generation) {
        GenericKubernetesResource get() {
            GenericKubernetesResource r = new GenericKubernetesResource();
            r.setMetadata(new ObjectMetaBuilder().withName("t").withGeneration(generation).build());
            return r;
        }
    }

    private static final class FakeClock implements Poll.Clock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now += d.toNanos();
        }
    }
}
