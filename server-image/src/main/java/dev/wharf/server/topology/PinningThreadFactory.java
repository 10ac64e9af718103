package dev.wharf.server.topology;

import com.sun.jna.LastErrorException;
import dev.wharf.server.privileges.LibC;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the threads of one {@link Role}: each new thread first pins itself with sched_setaffinity to
 * the CPUs the plan gives it, logs the assignment the way mdtmFTP does
 * ({@code schedule_threads: device=eth0 cpu=0 ...}), then runs its work. Threads are Netty
 * {@code FastThreadLocalThread}s, so it suits event loop groups and plain executors alike.
 * Pinning inside one's own cpuset needs no capability; if the kernel refuses anyway the thread runs
 * unpinned and one warning per role says why.
 */
final class PinningThreadFactory implements ThreadFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PinningThreadFactory.class);

    private final ThreadPlan plan;
    private final Role role;
    private final PinnedThreads registry;
    private final int nice;
    private final ThreadFactory delegate;
    private final AtomicInteger index = new AtomicInteger();
    private final AtomicBoolean warnedPin = new AtomicBoolean();
    private final AtomicBoolean warnedNice = new AtomicBoolean();

    /** @param nice nice value for this role's threads; 0 leaves the default */
    PinningThreadFactory(ThreadPlan plan, Role role, PinnedThreads registry, int nice) {
        this.plan = plan;
        this.role = role;
        this.registry = registry;
        this.nice = nice;
        this.delegate = new DefaultThreadFactory("wharf-" + role.key(), true);
    }

    @Override
    public Thread newThread(Runnable work) {
        CpuSet cpus = plan.cpusForThread(role, index.getAndIncrement());
        return delegate.newThread(() -> {
            int tid = LibC.available() ? LibC.gettid() : -1;
            boolean pinned = plan.pinning() && pin(cpus);
            if (nice != 0 && tid > 0) {
                renice(tid);
            }
            registry.started(Thread.currentThread().getName(), tid, role, pinned ? cpus : plan.allowed());
            try {
                work.run();
            } finally {
                registry.stopped(Thread.currentThread().getName());
            }
        });
    }

    private void renice(int tid) {
        try {
            LibC.setThreadNice(tid, nice);
        } catch (LastErrorException e) {
            if (warnedNice.compareAndSet(false, true)) {
                LOG.warn("cannot set nice {} for {} threads ({}); they keep the default priority", nice, role.key(),
                        e.getMessage());
            }
        }
    }

    private boolean pin(CpuSet cpus) {
        String thread = Thread.currentThread().getName();
        try {
            LibC.setAffinityOfCurrentThread(cpus.toMask());
        } catch (LastErrorException | UnsupportedOperationException e) {
            if (warnedPin.compareAndSet(false, true)) {
                LOG.warn("cannot pin {} threads to CPUs {} ({}); they run on any allowed CPU", role.key(), cpus,
                        e.getMessage());
            }
            return false;
        }
        LOG.info("schedule_threads: device={} {}={} role={} thread={}", plan.device(role),
                cpus.size() == 1 ? "cpu" : "cpus", cpus, role.key(), thread);
        return true;
    }
}
