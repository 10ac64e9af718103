package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A passive data listener: bound on the data interface, it accepts exactly one connection, and only
 * from the control connection's peer address (port stealing protection; no check when the session may
 * do third-party transfers and the expected peer is null); others are closed at once.
 * The listening socket is closed after the first accepted connection, giving the port back.
 */
public final class PassiveListener implements DataEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(PassiveListener.class);

    private final InetAddress expectedPeer;
    private final CompletableFuture<Channel> accepted = new CompletableFuture<>();
    private volatile Channel server;
    private volatile Runnable onClose = () -> {};
    private volatile Consumer<Channel> every;

    PassiveListener(InetAddress expectedPeer) {
        this.expectedPeer = expectedPeer;
    }

    void bound(Channel server, Runnable onClose) {
        this.server = server;
        this.onClose = onClose;
        server.closeFuture().addListener(f -> this.onClose.run());
    }

    /** The address clients connect to (the data interface and the chosen port). */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * Keeps listening after the first connection: from now on every connection from the peer goes to
     * {@code accept} (GridFTP MODE E, where the client opens several streams to one port), until
     * {@link #close()}. {@link #connection()} then never completes. Call before the client can know
     * the port (before the PASV reply is written).
     */
    public void acceptEvery(Consumer<Channel> accept) {
        this.every = accept;
    }

    /** Whether {@link #acceptEvery} was called (MODE E). */
    boolean acceptsEvery() {
        return every != null;
    }

    @Override
    public CompletableFuture<Channel> connection() {
        return accepted;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (!accepted.completeExceptionally(new java.io.IOException("data listener closed"))) {
            Channel ch = accepted.isCompletedExceptionally() ? null : accepted.getNow(null); // closed twice
            if (ch != null) {
                ch.close();
                DataPipeline.discard(ch);
            }
        }
    }

    /** Installed on every accepted child: keeps the first connection from the right peer. */
    final class Gate extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            InetAddress peer = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
            if (expectedPeer != null && !peer.equals(expectedPeer)) {
                LOG.warn("refused data connection from {}: the control connection is from {}", peer, expectedPeer);
                ctx.close();
                return;
            }
            DataPipeline.hold(ctx.channel());
            ctx.pipeline().remove(this);
            Consumer<Channel> all = every;
            if (all != null) {
                all.accept(ctx.channel());
                return;
            }
            if (accepted.complete(ctx.channel())) {
                server.close();
            } else {
                ctx.close();
            }
        }
    }
}
