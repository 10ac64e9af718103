package dev.wharf.server.data;

import dev.wharf.server.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Makes data connections for every door: passive listeners on the data interface with ports from
 * the {@link PortAllocator}, and outgoing (active) connections from the data interface. Connections
 * come back with auto-read off; {@link DataPipeline} adds TLS and the transfer handlers.
 */
public final class DataChannelFactory {

    /** Binds tried per PASV before giving up (each failure means another process holds the port). */
    static final int BIND_ATTEMPTS = 8;

    private final Transport transport;
    private final EventLoopGroup group;
    private final InetAddress dataInterface;
    private final PortAllocator ports;

    public DataChannelFactory(Transport transport, EventLoopGroup group, InetAddress dataInterface, PortAllocator ports) {
        this.transport = transport;
        this.group = group;
        this.dataInterface = dataInterface;
        this.ports = ports;
    }

    public InetAddress dataInterface() {
        return dataInterface;
    }

    public PortAllocator ports() {
        return ports;
    }

    /**
     * Binds a passive listener accepting one connection from {@code expectedPeer} (null: from any peer, for
     * third-party transfers). Blocks for the bind only.
     */
    public PassiveListener listen(InetAddress expectedPeer) throws IOException {
        return listen(expectedPeer, 0);
    }

    /** As {@link #listen(InetAddress)}, with SO_RCVBUF/SO_SNDBUF of {@code socketBuffer} bytes (0 = the kernel's). */
    public PassiveListener listen(InetAddress expectedPeer, int socketBuffer) throws IOException {
        return listen(expectedPeer, socketBuffer, null);
    }

    /**
     * As {@link #listen(InetAddress, int)}, with the listener and its single data connection on {@code home}
     * (the control connection's event loop, when it belongs to this factory's group): the transfer's
     * start, end and reply then need no wake-up of another event loop — per file, that is most of what
     * a small-file transfer costs besides the sockets themselves. A listener that accepts every
     * connection (MODE E) still spreads its streams over the whole group. Called on {@code home} itself (a
     * command run on the event loop), it registers and binds right there: both complete inside the call.
     */
    public PassiveListener listen(InetAddress expectedPeer, int socketBuffer, EventLoop home) throws IOException {
        PassiveListener listener = new PassiveListener(expectedPeer);
        EventLoop near = home != null && home.parent() == group ? home : null;
        boolean onNear = near != null && near.inEventLoop();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(near != null ? near : group, group)
                .channel(transport.serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 64) // MODE E clients open their parallel streams at once
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(listener.new Gate());
                    }
                });
        if (socketBuffer > 0) {
            // set on the listener too: the window scale is fixed by the SYN, before accept
            bootstrap.option(ChannelOption.SO_RCVBUF, socketBuffer)
                    .childOption(ChannelOption.SO_RCVBUF, socketBuffer)
                    .childOption(ChannelOption.SO_SNDBUF, socketBuffer);
        }
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = ports.reserve();
            if (port < 0) {
                break;
            }
            if (near != null) { // a handler of its own per attempt: a failed bind's channel keeps its instance
                bootstrap.handler(new SameLoopAcceptor(listener, near, socketBuffer));
            }
            try {
                Channel server = onNear ? bindHere(bootstrap, port)
                        : bootstrap.bind(dataInterface, port).syncUninterruptibly().channel();
                listener.bound(server, () -> ports.release(port));
                return listener;
            } catch (Exception e) { // Netty rethrows the checked BindException unchanged
                ports.releaseForeign(port);
                last = new IOException("cannot bind " + dataInterface.getHostAddress() + ":" + port + ": " + e, e);
            }
        }
        throw last != null ? last : new IOException("no free port in the data port range " + ports.range());
    }

    /**
     * Registers and binds a listener on the event loop running this call. Waiting for a future there
     * would deadlock, but on its own loop Netty completes both inline; the one step it leaves for later
     * (adding its acceptor) runs before any client can know the port.
     */
    private Channel bindHere(ServerBootstrap bootstrap, int port) throws Exception {
        ChannelFuture registered = bootstrap.register();
        if (!registered.isDone()) {
            registered.channel().close();
            throw new IllegalStateException("registration did not complete on its own event loop");
        }
        if (!registered.isSuccess()) {
            throw rethrowable(registered.cause());
        }
        ChannelFuture bound = registered.channel().bind(new InetSocketAddress(dataInterface, port));
        if (!bound.isDone()) {
            registered.channel().close();
            throw new IllegalStateException("bind did not complete on its own event loop");
        }
        if (!bound.isSuccess()) {
            registered.channel().close();
            throw rethrowable(bound.cause());
        }
        return registered.channel();
    }

    private static Exception rethrowable(Throwable t) {
        return t instanceof Exception e ? e : new IllegalStateException(t);
    }

    /** An endpoint connecting to {@code target} when the transfer starts, from the data interface. */
    public DataEndpoint connectTo(InetSocketAddress target) {
        return connectTo(target, 0);
    }

    /** As {@link #connectTo(InetSocketAddress)}, with SO_RCVBUF/SO_SNDBUF of {@code socketBuffer} bytes (0 = the kernel's). */
    public DataEndpoint connectTo(InetSocketAddress target, int socketBuffer) {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.channelClass())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        DataPipeline.hold(ch);
                    }
                });
        if (socketBuffer > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, socketBuffer).option(ChannelOption.SO_SNDBUF, socketBuffer);
        }
        InetSocketAddress local = dataInterface.getClass() == target.getAddress().getClass()
                ? new InetSocketAddress(dataInterface, 0) : null;
        return new ActiveEndpoint(bootstrap, target, local);
    }
}
