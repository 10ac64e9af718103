package dev.wharf.server.gridftp.dcau;

import dev.wharf.server.data.DataAuthenticationException;
import dev.wharf.server.gsi.GsiAuthenticationException;
import dev.wharf.server.gsi.GsiContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The GSI handshake at the start of a PROT C data channel with DCAU (GFD.20): TLS records straight on the
 * TCP stream, the side that connected being the GSS initiator; then Globus's flag byte; then the channel
 * carries clear data and this handler removes itself. Bytes that arrived behind the last handshake record
 * are passed on as data, writes made meanwhile (a download starts writing at once) wait and go out after
 * the handshake, in order. A refused or vanished peer fires a {@link DataAuthenticationException} before
 * the close, so an upload is failed, never committed.
 *
 * <p>Tokens are fed one record at a time on the acceptor side, because clear data may follow the initiator's
 * flag record in the same read. The initiator sends its flag only after reading what the acceptor had to
 * say, so everything the acceptor sent before is handshake: the initiator feeds all of it.
 */
final class GsiDataHandshake extends ChannelDuplexHandler {

    /** One GSS step of either side: accept or initToken. */
    @FunctionalInterface
    interface Step {
        byte[] next(byte[] token) throws GsiAuthenticationException;
    }

    /** One side of the GSS exchange: its context and how it takes the peer's token. */
    record Exchange(GsiContext context, Step step) {
        /** Consumes the peer's token (empty for the initiator's first call) and returns ours (possibly empty). */
        byte[] next(byte[] token) throws GsiAuthenticationException {
            return step.next(token);
        }

        boolean established() {
            return context.isEstablished();
        }

        /** After establishment: takes TLS records that still belong to the handshake (session tickets). */
        void drain(byte[] records) throws SSLException {
            context.unwrap(records);
        }
    }

    static final String NAME = "data-gsi";

    private final Exchange exchange;
    private final boolean initiator;
    private final long timeoutMillis;
    private ByteBuf buffered;
    private PendingWriteQueue pending;
    private boolean flushRequested;
    private boolean finished;
    private boolean framed;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> reads;

    GsiDataHandshake(Exchange exchange, boolean initiator, long timeoutMillis) {
        this.exchange = exchange;
        this.initiator = initiator;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        buffered = ctx.alloc().heapBuffer();
        pending = new PendingWriteQueue(ctx);
        // Runs on the event loop: the channel may be handed over from another thread.
        ctx.executor().execute(() -> begin(ctx));
    }

    private void begin(ChannelHandlerContext ctx) {
        if (finished) {
            return;
        }
        if (!ctx.channel().isActive()) {
            fail(ctx, DcauFailures.describe(new java.nio.channels.ClosedChannelException()));
            return;
        }
        timeout = ctx.executor().schedule(() -> fail(ctx, new DataAuthenticationException(
                "DCAU: no GSI handshake on the data connection within " + timeoutMillis / 1000 + " s", null)),
                timeoutMillis, TimeUnit.MILLISECONDS);
        if (initiator) {
            try {
                send(ctx, exchange.next(new byte[0]));
            } catch (GsiAuthenticationException e) {
                failHandshake(ctx, e);
                return;
            }
        }
        reads = HandshakeReads.keep(ctx); // auto-read may be off, and may be switched off again meanwhile
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (finished) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (msg instanceof ByteBuf buf) {
                buffered.writeBytes(buf);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
        process(ctx);
    }

    private void process(ChannelHandlerContext ctx) {
        try {
            while (!finished) {
                if (buffered.readableBytes() >= 2 && !exchange.established() && !GsiTokens.isTlsRecord(buffered)) {
                    framed = true;
                }
                int length = GsiTokens.completeLength(buffered);
                if (length < 0) {
                    break;
                }
                byte[] token = GsiTokens.payload(buffered.readSlice(length), framed);
                send(ctx, exchange.next(token));
                if (exchange.established()) {
                    established(ctx);
                }
            }
        } catch (GsiAuthenticationException e) {
            failHandshake(ctx, e);
        } catch (IllegalArgumentException | SSLException e) {
            fail(ctx, DcauFailures.describe(e));
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!finished) {
            ctx.read();
        } else {
            ctx.fireChannelReadComplete();
        }
    }

    private void established(ChannelHandlerContext ctx) throws SSLException {
        finished = true;
        timeout.cancel(false);
        reads.cancel(false);
        if (initiator && buffered.isReadable() && GsiTokens.isTlsRecord(buffered)) {
            byte[] rest = new byte[buffered.readableBytes()];
            buffered.readBytes(rest);
            exchange.drain(rest);
        }
        ByteBuf data = buffered;
        buffered = Unpooled.EMPTY_BUFFER;
        pending.removeAndWriteAll();
        if (flushRequested) {
            ctx.flush();
        }
        ctx.fireUserEventTriggered(dev.wharf.server.data.DataProtection.Event.ESTABLISHED);
        if (data.isReadable()) {
            ctx.fireChannelRead(data);
            ctx.fireChannelReadComplete();
        } else {
            data.release();
        }
        ctx.pipeline().remove(this);
    }

    private void send(ChannelHandlerContext ctx, byte[] token) {
        if (token.length == 0) {
            return;
        }
        ByteBuf out = ctx.alloc().buffer(token.length + 4);
        if (framed) {
            out.writeInt(token.length);
        }
        out.writeBytes(token);
        ctx.writeAndFlush(out);
    }

    private void failHandshake(ChannelHandlerContext ctx, GsiAuthenticationException e) {
        send(ctx, e.outputToken()); // the alert tells the peer why
        fail(ctx, DcauFailures.describe(e));
    }

    private void fail(ChannelHandlerContext ctx, DataAuthenticationException failure) {
        if (finished) {
            return;
        }
        finished = true;
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (reads != null) {
            reads.cancel(false);
        }
        pending.removeAndFailAll(failure);
        buffered.release();
        buffered = Unpooled.EMPTY_BUFFER;
        // The exception first: the transfer must see a failure, not an orderly end, when the channel closes.
        ctx.fireExceptionCaught(failure);
        ctx.close();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (finished) {
            ctx.write(msg, promise);
        } else {
            pending.add(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (finished) {
            ctx.flush();
        } else {
            flushRequested = true;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(ctx, DcauFailures.describe(new java.nio.channels.ClosedChannelException()));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (finished) {
            ctx.fireExceptionCaught(cause);
        } else {
            fail(ctx, DcauFailures.describe(cause));
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (!finished) {
            fail(ctx, new DataAuthenticationException("DCAU: handshake handler removed before the handshake ended", null));
        }
        if (buffered != null && buffered.refCnt() > 0 && buffered != Unpooled.EMPTY_BUFFER) {
            buffered.release();
        }
    }
}
