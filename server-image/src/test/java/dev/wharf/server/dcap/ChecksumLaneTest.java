package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class ChecksumLaneTest {

    /** A lane that runs only when the test says so. */
    private final Queue<Runnable> lane = new ArrayDeque<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ChecksumLane checksums = new ChecksumLane(lane::add, channel, 100);

    private void runLane() {
        while (!lane.isEmpty()) {
            lane.poll().run();
        }
        channel.runPendingTasks();
    }

    @Test
    void aLaneThatFallsBehindStopsTheChannelUntilItIsDownToHalf() {
        List<Integer> done = new ArrayList<>();
        checksums.submit(60, () -> done.add(1));
        assertTrue(channel.config().isAutoRead(), "60 of 100 bytes queued");
        checksums.submit(60, () -> done.add(2));
        assertFalse(channel.config().isAutoRead(), "120 of 100 bytes queued: stop reading");

        lane.poll().run();
        channel.runPendingTasks();
        assertFalse(channel.config().isAutoRead(), "60 bytes are still more than half of 100");

        runLane();
        assertTrue(channel.config().isAutoRead(), "drained: reading again");
        assertEquals(List.of(1, 2), done, "tasks ran in order");
    }

    @Test
    void aTaskThatThrowsStillReleasesItsShareOfTheBacklog() {
        checksums.submit(150, () -> {
            throw new IllegalStateException("boom");
        });
        assertFalse(channel.config().isAutoRead());
        try {
            lane.poll().run();
        } catch (IllegalStateException expected) {
            // the serial executor logs it; the backlog must shrink anyway
        }
        channel.runPendingTasks();
        assertTrue(channel.config().isAutoRead());
    }

    @Test
    void afterQueuedRunsOnTheEventLoopBehindEverythingSubmittedBefore() {
        List<String> order = new ArrayList<>();
        checksums.submit(10, () -> order.add("chunk"));
        checksums.afterQueued(() -> order.add("then"));
        assertTrue(order.isEmpty());
        runLane();
        assertEquals(List.of("chunk", "then"), order);
    }
}
