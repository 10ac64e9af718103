package dev.wharf.server.data;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves one file's (or listing's) bytes over a prepared MODE S data channel. The future completes
 * with the byte count after the data connection is closed (the server closes it for downloads; the
 * client's close marks the end of an upload), or exceptionally. {@code progress} is updated as bytes
 * move so STAT and aborted-transfer logs can tell how far it got.
 */
public interface StreamTransfer {

    CompletableFuture<Long> run(Channel channel, AtomicLong progress);

    /** Releases what the transfer holds (file channels) when it never ran or failed. */
    default void discard() {}
}
