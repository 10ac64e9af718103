package dev.wharf.server.data;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data connection that failed before its download started (a DCAU peer refused during the TLS
 * handshake, which then closed the connection) fails the download with that failure, not with the
 * closed channel the first write meets.
 */
class DownloadFailureCauseTest {

    @TempDir
    Path dir;

    private final IllegalStateException refused = new IllegalStateException("DCAU: peer refused");

    private EmbeddedChannel failedBeforeTheTransfer() {
        EmbeddedChannel channel = new EmbeddedChannel();
        DataPipeline.hold(channel);
        channel.pipeline().fireExceptionCaught(refused);
        channel.close();
        return channel;
    }

    private static Throwable causeOf(CompletableFuture<Long> done, EmbeddedChannel channel) throws Exception {
        channel.runPendingTasks();
        assertTrue(done.isCompletedExceptionally());
        try {
            done.get();
            throw new AssertionError("the download succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void aFileDownloadNamesTheEarlierFailure() throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[1000]);
        EmbeddedChannel channel = failedBeforeTheTransfer();
        FileSender sender = new FileSender(FileChannel.open(file, StandardOpenOption.READ), 0, 1000, false);
        assertSame(refused, causeOf(sender.run(channel, new AtomicLong()), channel));
    }

    @Test
    void aListingNamesTheEarlierFailure() throws Exception {
        EmbeddedChannel channel = failedBeforeTheTransfer();
        assertSame(refused, causeOf(new BufferSender(Unpooled.copiedBuffer(new byte[10])).run(channel, new AtomicLong()), channel));
    }

    @Test
    void withoutAnEarlierFailureTheWriteSaysWhatWentWrong() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        DataPipeline.hold(channel);
        channel.close();
        assertTrue(causeOf(new BufferSender(Unpooled.copiedBuffer(new byte[10])).run(channel, new AtomicLong()), channel)
                instanceof ClosedChannelException);
    }
}
