package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The inbound end of every data channel, installed the moment it connects. Auto-read is off until a
 * transfer starts, but the epoll transport still reads when the peer half-closes: a fast client can
 * connect, send a small upload and close before the STOR is even processed, and Netty then empties
 * the closed channel's pipeline. So what arrives is kept here, outside the pipeline's life, and
 * handed to the transfer's {@link DataSink} in order, with the close, once it attaches.
 *
 * <p>It also keeps the promise of a protected data connection (PROT P, DCAU): once a {@link DataProtection}
 * {@linkplain #guard() guards} the channel, bytes only count if they arrived after the protection's
 * handshake succeeded, and the connection only ends a transfer if that handshake happened. Clear bytes a
 * client sent before or instead of the handshake (they may be read before the TLS handler is even in the
 * pipeline, or after a close emptied it) fail the transfer with a {@link DataAuthenticationException};
 * they never reach the sink, so they never reach a file.
 */
final class DataInbound extends ChannelInboundHandlerAdapter {

    private final Queue<Object> held = new ArrayDeque<>();
    private boolean ended;
    private Throwable failure;
    private DataSink sink;
    private Channel channel;
    private volatile boolean guarded;
    private boolean established;
    private boolean unprotectedData;
    private boolean refused;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /** Any thread, before the protection's handlers go in: from now on only protected data counts. */
    void guard() {
        guarded = true;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess() || evt == DataProtection.Event.ESTABLISHED) {
            established = true;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof io.netty.buffer.ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!established) {
            unprotectedData = true; // read before any protection's handshake: clear bytes
        }
        if (sink != null) {
            deliver(buf);
        } else {
            held.add(buf);
        }
    }

    private void deliver(io.netty.buffer.ByteBuf buf) {
        if (refused) {
            buf.release();
        } else if (guarded && unprotectedData) {
            buf.release();
            refuse(new DataAuthenticationException("clear data on a data connection that must be protected", null));
        } else {
            sink.data(channel, buf);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended = true;
        if (sink != null) {
            deliverEnd();
        }
    }

    private void deliverEnd() {
        if (guarded && !established) {
            refuse(new DataAuthenticationException("data connection closed without completing its TLS handshake", null));
        } else if (!refused) {
            sink.end(channel);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reported = guarded && !established ? handshakeFailure(cause) : cause;
        if (sink != null) {
            if (!refused) {
                sink.failed(channel, reported);
            }
        } else if (failure == null) {
            failure = reported;
        }
    }

    private static Throwable handshakeFailure(Throwable cause) {
        if (DataAuthenticationException.find(cause) != null) {
            return cause;
        }
        String why = cause.getCause() instanceof NotSslRecordException || cause instanceof NotSslRecordException
                ? "the peer did not speak TLS" : String.valueOf(cause.getMessage());
        return new DataAuthenticationException("TLS handshake on the data connection failed: " + why, cause);
    }

    /** Fails the transfer once; nothing more reaches the sink. */
    private void refuse(DataAuthenticationException why) {
        if (!refused) {
            refused = true;
            sink.failed(channel, why);
            channel.close();
        }
    }

    /** On the event loop: gives the sink what arrived so far, then everything that follows. */
    void attach(DataSink newSink) {
        sink = newSink;
        Object msg;
        while ((msg = held.poll()) != null) {
            deliver((io.netty.buffer.ByteBuf) msg);
        }
        if (failure != null) {
            if (!refused) {
                sink.failed(channel, failure);
            }
        } else if (ended) {
            deliverEnd();
        }
    }

    /** Drops held data of a connection no transfer took. */
    void discard() {
        Object msg;
        while ((msg = held.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
