package dev.wharf.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** A task that holds the session (a delayed reply) keeps the tasks behind it queued, without a waiting thread. */
class SerialExecutorHoldTest {

    /** Runs what it is given only when asked, so the test decides when the pool gets to work. */
    static final class ManualPool implements Executor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.remove(0).run();
            }
        }
    }

    @Test
    void tasksAfterAHoldWaitForItsGate() {
        ManualPool pool = new ManualPool();
        SerialExecutor executor = new SerialExecutor(pool);
        CompletableFuture<Void> replySent = new CompletableFuture<>();
        List<String> ran = new ArrayList<>();
        executor.execute(() -> {
            ran.add("PASS");
            executor.holdUntil(replySent);
        });
        executor.execute(() -> ran.add("NOOP"));
        pool.runAll();
        assertEquals(List.of("PASS"), ran, "NOOP waits for the held-back reply");
        executor.execute(() -> ran.add("PWD"));
        pool.runAll();
        assertEquals(List.of("PASS"), ran, "and so does anything queued later");
        replySent.complete(null);
        pool.runAll();
        assertEquals(List.of("PASS", "NOOP", "PWD"), ran);
    }

    @Test
    void aHoldTakenInlineAlsoHoldsTheQueue() {
        ManualPool pool = new ManualPool();
        SerialExecutor executor = new SerialExecutor(pool);
        CompletableFuture<Void> replySent = new CompletableFuture<>();
        List<String> ran = new ArrayList<>();
        executor.runHereIfIdle(() -> {
            ran.add("PASS");
            executor.holdUntil(replySent);
        });
        executor.execute(() -> ran.add("NOOP"));
        pool.runAll();
        assertEquals(List.of("PASS"), ran);
        replySent.complete(null);
        pool.runAll();
        assertEquals(List.of("PASS", "NOOP"), ran);
    }
}
