package dev.wharf.server.gridftp.dcau;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Sits behind the SslHandler of a PROT S/P DCAU data channel: a handshake that fails (peer refused, peer
 * gone) becomes one {@link dev.wharf.server.data.DataAuthenticationException} for the transfer, fired before
 * the channel closes, so an upload is failed rather than committed. Later exceptions of the same failure
 * are dropped; after a successful handshake everything passes. Writes made during the handshake (a
 * download starts at once) fail with the same exception rather than the bare TLS one, so the transfer's
 * reply names the reason whichever side notices first.
 */
final class TlsHandshakeWatch extends ChannelDuplexHandler {

    static final String NAME = "data-gsi-watch";

    private boolean handshakeDone;
    private boolean reported;
    private java.util.concurrent.ScheduledFuture<?> reads;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.executor().execute(() -> {
            if (!handshakeDone && !reported) {
                reads = HandshakeReads.keep(ctx);
            }
        });
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopReads();
    }

    private void stopReads() {
        if (reads != null) {
            reads.cancel(false);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            stopReads();
            if (done.isSuccess()) {
                handshakeDone = true;
            } else {
                report(ctx, done.cause());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (handshakeDone || promise.isVoid()) {
            ctx.write(msg, promise);
            return;
        }
        ChannelPromise inner = ctx.newPromise();
        inner.addListener(f -> {
            if (f.isSuccess()) {
                promise.trySuccess();
            } else {
                promise.tryFailure(handshakeDone ? f.cause() : DcauFailures.describe(f.cause()));
            }
        });
        ctx.write(msg, inner);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (handshakeDone) {
            ctx.fireExceptionCaught(cause);
        } else {
            report(ctx, cause);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!handshakeDone) {
            report(ctx, new java.nio.channels.ClosedChannelException());
        }
        ctx.fireChannelInactive();
    }

    private void report(ChannelHandlerContext ctx, Throwable cause) {
        if (!reported) {
            reported = true;
            stopReads();
            ctx.fireExceptionCaught(DcauFailures.describe(cause));
            ctx.close();
        }
    }
}
