package dev.wharf.server.ftp;

import io.netty.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running transfer as the control session sees it: how far it got (for STAT and the aborted-transfer
 * log), a way to abort it, and a future completed once its final reply has been written, which is
 * what lets ABOR reply 226 strictly after the transfer's 426.
 */
public final class TransferHandle {

    private final PreparedTransfer transfer;
    private final Instant started = Instant.now();
    private final AtomicLong progress = new AtomicLong();
    private final CompletableFuture<FtpReply> replied = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile Runnable closeEndpoint = () -> {};
    private volatile String abortReason;

    public TransferHandle(PreparedTransfer transfer) {
        this.transfer = transfer;
    }

    public PreparedTransfer transfer() {
        return transfer;
    }

    public AtomicLong progress() {
        return progress;
    }

    public Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    /** Completed with the final reply after it was written to the control channel. */
    public CompletableFuture<FtpReply> replied() {
        return replied;
    }

    public String abortReason() {
        return abortReason;
    }

    void connected(Channel ch) {
        this.channel = ch;
        if (abortReason != null) {
            ch.close();
        }
    }

    void endpointCloser(Runnable closer) {
        this.closeEndpoint = closer;
    }

    /** Stops the transfer (ABOR, control connection lost); it then ends with 426. */
    public void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        } else {
            closeEndpoint.run();
        }
    }
}
