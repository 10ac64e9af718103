package dev.wharf.server.dcap;

import io.netty.channel.Channel;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an upload's checksum work (and then its commit) on a serial lane of the blocking pool, beside
 * the data channel's event loop. Tasks carry the received bytes they hold; past {@code highWater}
 * queued bytes the channel stops reading until the lane is down to half of it, so a starved lane costs
 * speed, not memory.
 */
final class ChecksumLane {

    private final Executor lane;
    private final Channel channel;
    private final long highWater;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean paused = new AtomicBoolean();

    /** @param lane runs tasks one at a time, in order (a {@code SerialExecutor}) */
    ChecksumLane(Executor lane, Channel channel, long highWater) {
        this.lane = lane;
        this.channel = channel;
        this.highWater = highWater;
    }

    /** Queues {@code task}, which holds {@code bytes} of received data until it ends. Event loop only. */
    void submit(long bytes, Runnable task) {
        if (queued.addAndGet(bytes) > highWater && paused.compareAndSet(false, true)) {
            channel.config().setAutoRead(false);
            resumeIfDrained(); // the lane may have emptied before the flag was up
        }
        lane.execute(() -> {
            try {
                task.run();
            } finally {
                queued.addAndGet(-bytes);
                if (paused.get()) {
                    onEventLoop(this::resumeIfDrained);
                }
            }
        });
    }

    /** Runs {@code then} on the event loop once every task queued before it has ended. */
    void afterQueued(Runnable then) {
        lane.execute(() -> onEventLoop(then));
    }

    /** Runs blocking {@code work} on the lane itself, after every task queued before it. */
    void lastly(Runnable work) {
        lane.execute(work);
    }

    /** A server shutting down stops the loops first; what the lane still had to say is moot then. */
    private void onEventLoop(Runnable task) {
        if (!channel.eventLoop().isShuttingDown()) {
            channel.eventLoop().execute(task);
        }
    }

    private void resumeIfDrained() {
        if (queued.get() <= highWater / 2 && paused.compareAndSet(true, false)) {
            channel.config().setAutoRead(true);
        }
    }
}
