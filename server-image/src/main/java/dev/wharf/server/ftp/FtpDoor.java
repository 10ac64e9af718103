package dev.wharf.server.ftp;

import dev.wharf.server.net.ConnectionGate;
import dev.wharf.server.Door;
import dev.wharf.server.ServerContext;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP door (plain with explicit AUTH TLS) or the implicit-TLS FTPS door. Every door must route
 * its storage access through AccessPolicy: sessions only reach files through
 * the {@link dev.wharf.server.fs.Storage} that {@link dev.wharf.server.fs.SessionStorage#open} builds at login.
 *
 * <pre>
 *   PortAllocator ports = new PortAllocator(PortRange...);   // one per data port range, shared by doors
 *   Door ftp  = new FtpDoor(context, FtpSettings.plain(config), ports);        // AUTH TLS with context.tls()
 *   Door ftps = new FtpDoor(context, FtpSettings.implicitTls(config), ports);  // implicit FTPS
 * </pre>
 */
public final class FtpDoor implements Door {

    private static final Logger LOG = LoggerFactory.getLogger(FtpDoor.class);

    private final ServerContext context;
    private final FtpSettings settings;
    private final SessionServices services;
    private final ConnectionGate gate;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel server;

    public FtpDoor(ServerContext context, FtpSettings settings, PortAllocator ports) {
        this(context, settings, context.tls() == null ? null : context.tls().sslContext(), ports, FtpCommands.standard(),
                FileChannelOpener.DEFAULT);
    }

    /** The full form: another command table (GridFTP), another TLS context, or a test's file opener. */
    public FtpDoor(ServerContext context, FtpSettings settings, SslContext tls, PortAllocator ports,
                   CommandTable commands, FileChannelOpener opener) {
        if (settings.implicitTls() && tls == null) {
            throw new IllegalArgumentException("the implicit-TLS door needs a TLS context");
        }
        this.context = context;
        this.settings = settings;
        DataChannelFactory data = new DataChannelFactory(context.transport(), context.ioGroup(),
                settings.dataInterface(), ports);
        this.services = new SessionServices(context, settings, commands, data, tls, opener);
        this.gate = new ConnectionGate(settings.maxClients(), settings.door(), context.metrics());
    }

    @Override
    public String name() {
        return settings.door();
    }

    public FtpSettings settings() {
        return settings;
    }

    @Override
    public void start() throws InterruptedException {
        FtpPipeline pipeline = new FtpPipeline(services, gate);
        server = new ServerBootstrap()
                .group(context.acceptGroup(), context.ioGroup())
                .channel(context.transport().serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new io.netty.channel.ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        pipeline.initChannel(ch);
                    }
                })
                .bind(settings.controlInterface(), settings.port()).sync().channel();
        LOG.info("{} door listening on {} (data interface {}, ports {}-{})", name(), localAddress(),
                settings.dataInterface().getHostAddress(), settings.portRange().first(), settings.portRange().last());
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Control connections currently open (for tests and the status page). */
    public int openConnections() {
        return gate.open();
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> drain() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        List<java.util.concurrent.CompletableFuture<Void>> closed = new java.util.ArrayList<>();
        for (Channel ch : channels) {
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            ch.closeFuture().addListener(f -> done.complete(null));
            closed.add(done);
            ch.pipeline().fireUserEventTriggered(dev.wharf.server.Drain.REQUESTED);
        }
        return java.util.concurrent.CompletableFuture.allOf(closed.toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
    }
}
