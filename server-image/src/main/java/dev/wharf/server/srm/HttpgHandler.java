package dev.wharf.server.srm;

import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiAuthenticationException;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.log.ClientMistakes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.io.ByteArrayOutputStream;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLException;

/**
 * httpg, the transport of gSOAP's CGSI plugin (gfal2's SRM client, FTS): the connection is one GSS
 * context whose tokens are TLS records sent as they are, with no length prefix or other envelope (the
 * plugin reads one record at a time by its 5-byte header). First the GSI handshake (client certificate,
 * proxies accepted) and Globus's flag byte ({@code '0'}, or {@code 'D'} and a delegation round trip),
 * then every byte of HTTP both ways is gss_wrap'ed: TLS application data. So this stage is the
 * {@link GsiAcceptor} over a byte stream: inbound records go through it (on the blocking executor, in
 * order: the handshake's key work and the delegation's key generation must not block the event loop),
 * the plain HTTP bytes go on to the HTTP codec; outbound HTTP bytes leave wrapped. Anything that is not
 * a TLS record, a failed handshake, or a refused certificate closes the connection after one rate-limited
 * log line; plain text is never answered before the context exists.
 */
final class HttpgHandler extends ChannelDuplexHandler {

    /** One read's worth of records: a client that sends more than this before the handshake is done is cut. */
    static final int MAX_PENDING_HANDSHAKE_BYTES = 256 * 1024;
    /** Bytes read but not yet unwrapped: above this the connection stops reading until the work catches up. */
    static final int MAX_QUEUED_BYTES = 1 << 20;

    private final GsiService gsi;
    private final Executor blocking;
    private final String door;
    private final ClientMistakes mistakes;
    /** Runs once, on the blocking executor, when the context is established: the login. */
    private final BiConsumer<ChannelHandlerContext, GsiAcceptor> onEstablished;
    private GsiAcceptor acceptor;
    private volatile boolean established;
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private int pendingBytes;
    private final AtomicLong queued = new AtomicLong();
    /** Plain bytes written since the last flush, and their writes' promises (event loop only). */
    private final ByteArrayOutputStream pendingPlain = new ByteArrayOutputStream();
    private final List<ChannelPromise> pendingPromises = new ArrayList<>();

    HttpgHandler(GsiService gsi, Executor blocking, String door, ClientMistakes mistakes,
                 BiConsumer<ChannelHandlerContext, GsiAcceptor> onEstablished) {
        this.gsi = gsi;
        this.blocking = blocking;
        this.door = door;
        this.mistakes = mistakes;
        this.onEstablished = onEstablished;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
        if (!established) {
            pendingBytes += bytes.length;
            if (pendingBytes > MAX_PENDING_HANDSHAKE_BYTES) {
                mistakes.report(door + ": " + ctx.channel().remoteAddress() + " sent more than "
                        + MAX_PENDING_HANDSHAKE_BYTES + " bytes during the GSI handshake; closing", null);
                ctx.close();
                return;
            }
        }
        if (queued.addAndGet(bytes.length) > MAX_QUEUED_BYTES) {
            ctx.channel().config().setAutoRead(false);
        }
        chain = chain.thenRunAsync(() -> {
            try {
                process(ctx, bytes);
            } finally {
                if (queued.addAndGet(-bytes.length) <= MAX_QUEUED_BYTES / 2 && !ctx.channel().config().isAutoRead()) {
                    ctx.executor().execute(() -> ctx.channel().config().setAutoRead(true));
                }
            }
        }, blocking);
    }

    private void process(ChannelHandlerContext ctx, byte[] bytes) {
        if (!ctx.channel().isActive()) {
            return;
        }
        try {
            if (!established) {
                handshake(ctx, bytes);
            } else {
                deliver(ctx, acceptor.unwrap(bytes));
            }
        } catch (GsiAuthenticationException e) {
            mistakes.report(door + ": GSI authentication of " + ctx.channel().remoteAddress() + " failed: " + e.getMessage(), null);
            byte[] alert = e.outputToken();
            if (alert != null && alert.length > 0) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(alert)).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        } catch (SSLException | RuntimeException e) {
            mistakes.report(door + ": httpg connection from " + ctx.channel().remoteAddress() + " broken: " + e, null);
            ctx.close();
        }
    }

    private void handshake(ChannelHandlerContext ctx, byte[] bytes) throws GsiAuthenticationException, SSLException {
        if (acceptor == null) {
            acceptor = gsi.newStreamAcceptor();
        }
        byte[] out = acceptor.accept(bytes);
        if (out.length > 0) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(out));
        }
        if (acceptor.isEstablished()) {
            onEstablished.accept(ctx, acceptor);
            established = true;
            // HTTP the client sent right behind its last handshake record
            deliver(ctx, acceptor.unwrap(new byte[0]));
        }
    }

    /** Hands plain bytes to the HTTP codec on the event loop, in order. */
    private static void deliver(ChannelHandlerContext ctx, byte[] plain) {
        if (plain.length > 0) {
            ctx.executor().execute(() -> ctx.fireChannelRead(Unpooled.wrappedBuffer(plain)));
        }
    }

    /**
     * HTTP leaves wrapped, never in clear. What the codec writes between two flushes (the head and the
     * body of an answer) is wrapped together at the flush: fewer records for the client to read one by one.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.write(msg, promise);
            return;
        }
        try {
            if (!established) {
                promise.setFailure(new IllegalStateException("the GSI context is not established"));
                ctx.close();
                return;
            }
            buf.readBytes(pendingPlain, buf.readableBytes());
            pendingPromises.add(promise);
        } catch (java.io.IOException e) {
            promise.setFailure(e);
        } finally {
            buf.release();
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (pendingPlain.size() > 0) {
            List<ChannelPromise> promises = List.copyOf(pendingPromises);
            pendingPromises.clear();
            byte[] plain = pendingPlain.toByteArray();
            pendingPlain.reset();
            try {
                ctx.write(Unpooled.wrappedBuffer(acceptor.wrap(plain))).addListener(f -> {
                    for (ChannelPromise p : promises) {
                        if (f.isSuccess()) {
                            p.trySuccess();
                        } else {
                            p.tryFailure(f.cause());
                        }
                    }
                });
            } catch (SSLException | RuntimeException e) {
                promises.forEach(p -> p.tryFailure(e));
                mistakes.report(door + ": cannot protect the answer to " + ctx.channel().remoteAddress() + ": " + e, null);
                ctx.close();
                return;
            }
        } else if (!pendingPromises.isEmpty()) {
            pendingPromises.forEach(ChannelPromise::trySuccess); // empty buffers: nothing to send
            pendingPromises.clear();
        }
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ClosedChannelException closed = new ClosedChannelException();
        pendingPromises.forEach(p -> p.tryFailure(closed));
        pendingPromises.clear();
        if (acceptor != null) {
            GsiAcceptor ended = acceptor;
            chain.whenComplete((v, e) -> ended.dispose());
        }
        ctx.fireChannelInactive();
    }
}
