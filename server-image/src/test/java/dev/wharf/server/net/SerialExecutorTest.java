package dev.wharf.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    /** A pool that runs only when the test says so. */
    private final Queue<Runnable> pool = new ArrayDeque<>();
    private final SerialExecutor serial = new SerialExecutor(pool::add);
    private final List<String> ran = new ArrayList<>();

    private void runPool() {
        while (!pool.isEmpty()) {
            pool.poll().run();
        }
    }

    @Test
    void anIdleSessionRunsTheTaskInTheCallersThread() {
        Thread caller = Thread.currentThread();
        Thread[] where = new Thread[1];
        assertTrue(serial.runHereIfIdle(() -> where[0] = Thread.currentThread()));
        assertSame(caller, where[0]);
        assertTrue(pool.isEmpty(), "the pool was not involved");
    }

    @Test
    void aQueuedTaskKeepsItsTurn() {
        serial.execute(() -> ran.add("queued"));
        assertFalse(serial.runHereIfIdle(() -> ran.add("inline")), "something is queued: not here");
        runPool();
        assertEquals(List.of("queued"), ran);
        assertTrue(serial.runHereIfIdle(() -> ran.add("inline")), "idle again");
        assertEquals(List.of("queued", "inline"), ran);
    }

    @Test
    void aRunningTaskKeepsTheSessionBusy() {
        serial.execute(() -> {
            ran.add("first");
            assertFalse(serial.runHereIfIdle(() -> ran.add("inline")), "the first task is still running");
        });
        runPool();
        assertEquals(List.of("first"), ran);
    }

    @Test
    void tasksSubmittedDuringAnInlineRunGoToThePoolAfterIt() {
        assertTrue(serial.runHereIfIdle(() -> {
            ran.add("inline");
            serial.execute(() -> ran.add("later"));
            assertTrue(pool.isEmpty(), "not started while the inline task runs");
        }));
        assertEquals(1, pool.size());
        runPool();
        assertEquals(List.of("inline", "later"), ran);
        assertTrue(serial.runHereIfIdle(() -> ran.add("again")));
    }

    @Test
    void aFailingInlineTaskLeavesTheSessionUsable() {
        assertTrue(serial.runHereIfIdle(() -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(serial.runHereIfIdle(() -> ran.add("next")));
        assertEquals(List.of("next"), ran);
    }
}
