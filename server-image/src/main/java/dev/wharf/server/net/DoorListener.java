package dev.wharf.server.net;

import dev.wharf.server.Drain;
import dev.wharf.server.ServerContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The listening socket of a door. Every accepted connection gets the {@link DoorFront} stages first and
 * the protocol's after them: a door cannot bind a port without the connection policy.
 */
public final class DoorListener implements AutoCloseable {

    private final ServerContext context;
    private final DoorFront front;
    private final Consumer<Channel> protocol;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel server;

    /** @param protocol adds the door's own stages behind the front's */
    public DoorListener(ServerContext context, DoorFront front, Consumer<Channel> protocol) {
        this.context = context;
        this.front = front;
        this.protocol = protocol;
    }

    public void bind(int port) throws InterruptedException {
        server = new ServerBootstrap()
                .group(context.acceptGroup(), context.ioGroup())
                .channel(context.transport().serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        front.install(ch);
                        protocol.accept(ch);
                    }
                })
                .bind(front.settings().controlInterface(), port).sync().channel();
    }

    public DoorFront front() {
        return front;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * Stops accepting and fires {@link Drain#REQUESTED} at every open connection (the protocol decides
     * how its sessions end); completes when all of them have closed.
     */
    public CompletableFuture<Void> drain() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (Channel ch : channels) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            ch.closeFuture().addListener(f -> done.complete(null));
            closed.add(done);
            ch.pipeline().fireUserEventTriggered(Drain.REQUESTED);
        }
        return CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
    }
}
