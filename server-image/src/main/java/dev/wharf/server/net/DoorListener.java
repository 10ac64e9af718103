package dev.wharf.server.net;

import dev.wharf.server.ServerContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
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

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
    }
}
