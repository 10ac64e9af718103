package dev.wharf.server.net;

import dev.wharf.server.metrics.ServerMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code limits.clients}: counts the door's control connections at accept time, before PROXY or TLS,
 * and answers the one over the limit with a plain 421 and closes it. Shared by the door's channels.
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);

    private final int limit;
    private final String door;
    private final ServerMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionGate(int limit, String door, ServerMetrics metrics) {
        this.limit = limit;
        this.door = door;
        this.metrics = metrics;
    }

    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        if (open.incrementAndGet() > limit) {
            LOG.warn("{}: refused {}: {} concurrent connections is the limit", door, ctx.channel().remoteAddress(), limit);
            metrics.login(door, "refused");
            ctx.writeAndFlush(Unpooled.copiedBuffer("421 Too many connections, try again later\r\n", StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }
}
