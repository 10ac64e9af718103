package dev.wharf.server.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code limits.clients}: counts the door's connections at accept time, before PROXY or TLS, and
 * refuses the one over the limit. Shared by the door's channels.
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private final DoorFront front;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionGate(DoorFront front) {
        this.front = front;
    }

    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        if (open.incrementAndGet() > front.settings().maxClients()) {
            front.refuse(ctx, Refusal.LIMIT, ClientAddress.peer(ctx.channel()),
                    front.settings().maxClients() + " concurrent connections is the limit");
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    /** Bytes of a connection that was not admitted never reach the protocol. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }
}
