package dev.wharf.server.net;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a session's tasks one at a time, in order, on a shared pool (dCache's per-door sequencing).
 * Also the dCap mover's disk queue: a burst of queued writes costs one pool hand-off.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    /**
     * Runs {@code task} right here, in the caller's thread, when the session has nothing running or
     * queued (so the order of its tasks is kept); returns false, running nothing, otherwise. Tasks
     * submitted meanwhile run on the pool afterwards.
     */
    public boolean runHereIfIdle(Runnable task) {
        synchronized (this) {
            if (running || !tasks.isEmpty()) {
                return false;
            }
            running = true;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("session task failed", e);
        } finally {
            boolean more;
            synchronized (this) {
                more = !tasks.isEmpty();
                running = more;
            }
            if (more) {
                pool.execute(this::drain);
            }
        }
        return true;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("session task failed", e);
            }
        }
    }
}
