package dev.wharf.server.gridftp.dcau;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a data channel reading while its DCAU handshake runs. Transfers switch auto-read on and off as
 * they need data (a MODE E sender switches it off), and in Netty switching it off also cancels a read we
 * requested: the handshake would then wait forever for bytes nobody reads. So until the handshake ends, a
 * read is requested again every few milliseconds (a no-op while one is pending).
 */
final class HandshakeReads {

    private static final long PERIOD_MILLIS = 5;

    private HandshakeReads() {}

    /** Starts requesting reads on {@code ctx}; cancel the returned future when the handshake ends. */
    static ScheduledFuture<?> keep(ChannelHandlerContext ctx) {
        ctx.read();
        return ctx.executor().scheduleAtFixedRate(() -> {
            if (ctx.channel().isActive()) {
                ctx.read();
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
}
