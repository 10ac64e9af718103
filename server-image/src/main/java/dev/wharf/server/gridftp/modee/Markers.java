package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpReply;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * GridFTP's intermediate replies during a MODE E transfer: {@code 112} performance markers (bytes
 * moved so far, one stripe) and {@code 111} restart markers (byte ranges on disk, uploads only),
 * rendered as the Globus client parses them, and a timer that sends them every few seconds.
 */
final class Markers {

    private Markers() {}

    static FtpReply perf(long epochMillis, long bytes) {
        String timestamp = String.format(Locale.ROOT, "%d.%d", epochMillis / 1000, (epochMillis % 1000) / 100);
        return FtpReply.multi(112, "Perf Marker", List.of(" Timestamp: " + timestamp, " Stripe Index: 0",
                " Stripe Bytes Transferred: " + bytes, " Total Stripe Count: 1"), "End.");
    }

    static FtpReply range(ByteRanges written) {
        return FtpReply.of(111, "Range Marker " + written);
    }

    /** Sends a perf marker (and, for uploads, a range marker) every {@code seconds} until {@link Timer#stop()}. */
    static Timer every(int seconds, EventExecutor timer, LongSupplier bytes, ByteRanges written,
                       java.util.function.Consumer<FtpReply> send) {
        Timer t = new Timer();
        t.future = timer.scheduleAtFixedRate(() -> t.send(() -> {
            send.accept(perf(System.currentTimeMillis(), bytes.getAsLong()));
            if (written != null && !written.isEmpty()) {
                send.accept(range(written));
            }
        }), seconds, seconds, TimeUnit.SECONDS);
        return t;
    }

    /** Stopping waits for a marker being written, so none can follow the transfer's final reply. */
    static final class Timer {
        private ScheduledFuture<?> future;
        private boolean stopped;

        private synchronized void send(Runnable marker) {
            if (!stopped) {
                marker.run();
            }
        }

        synchronized void stop() {
            stopped = true;
            future.cancel(false);
        }
    }
}
