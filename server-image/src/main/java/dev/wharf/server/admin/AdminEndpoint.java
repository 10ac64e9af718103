package dev.wharf.server.admin;

import dev.wharf.server.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP listener on its own port ({@code admin.interface}, {@code admin.port}): health,
 * readiness, Prometheus metrics and a JSON status page that any component can add a section to
 * with {@link #addStatusSection}. Built on Netty's HTTP codec in the server's own event loops.
 */
public final class AdminEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoint.class);
    /** Admin requests are tiny GETs; anything bigger is refused with 413 by the aggregator. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;
    static final int IDLE_SECONDS = 60;

    private final AdminSettings settings;
    private final Transport transport;
    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final StatusSections sections;
    private final AdminHttpHandler handler;
    private Channel channel;

    public AdminEndpoint(AdminSettings settings, Transport transport, EventLoopGroup acceptGroup, EventLoopGroup ioGroup,
                         Readiness readiness, Supplier<String> metrics, String metricsContentType,
                         StatusSections sections) {
        this.settings = settings;
        this.transport = transport;
        this.acceptGroup = acceptGroup;
        this.ioGroup = ioGroup;
        this.sections = sections;
        this.handler = new AdminHttpHandler(new AdminRoutes(readiness, metrics, metricsContentType, sections),
                settings.statusClients());
    }

    /** Binds the port (or, with fallback enabled and the port taken, a free one); returns once bound. */
    public void start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptGroup, ioGroup)
                .channel(transport.serverChannelClass())
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                                new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES), handler);
                    }
                });
        try {
            channel = bootstrap.bind(settings.bindInterface(), settings.port()).sync().channel();
        } catch (Exception e) {
            if (!settings.fallbackToFreePort() || settings.port() == 0) {
                throw new IllegalStateException("admin endpoint cannot bind " + settings.bindInterface() + ":"
                        + settings.port() + ": " + e.getMessage(), e);
            }
            LOG.warn("admin port {} is taken ({}); using a free port instead", settings.port(), e.getMessage());
            channel = bootstrap.bind(settings.bindInterface(), 0).sync().channel();
        }
        LOG.info("admin endpoint listening on http://{}", hostPort(localAddress()));
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Publishes {@code supplier()} as the {@code name} section of {@code /status} (called per request). */
    public void addStatusSection(String name, Supplier<?> supplier) {
        sections.add(name, supplier);
    }

    /** host:port with IPv6 literals in brackets, for logs and URLs. */
    public static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
    }
}
