package dev.wharf.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Netty's HAProxyMessageDecoder when {@code net.proxy-protocol} is on: takes the real client
 * address from the header, closes LOCAL (health check) connections, and only then lets the session
 * greet: FTP is server-speaks-first, so the 220 must wait for the header. The message is released;
 * a connection sending no header within {@link #HEADER_TIMEOUT_SECONDS} is closed.
 */
public final class ProxyHeaderHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHeaderHandler.class);
    static final long HEADER_TIMEOUT_SECONDS = 10;

    /** Fired down the pipeline once the header is read; the session handler greets on it. */
    public record ClientKnown(InetSocketAddress client) {}

    private ScheduledFuture<?> timeout;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timeout = ctx.executor().schedule(() -> {
            LOG.warn("no PROXY header from {} within {} s; closing", ctx.channel().remoteAddress(), HEADER_TIMEOUT_SECONDS);
            ctx.close();
        }, HEADER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // The session handler must not greet yet: channelActive stops here.
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (header.command() == HAProxyCommand.LOCAL) {
                LOG.debug("PROXY LOCAL from {} (health check); closing", ctx.channel().remoteAddress());
                ctx.close();
                return;
            }
            InetSocketAddress client = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a
                    : new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);
            HAProxyProxiedProtocol p = header.proxiedProtocol();
            if ((p == HAProxyProxiedProtocol.TCP4 || p == HAProxyProxiedProtocol.TCP6) && header.sourceAddress() != null) {
                client = new InetSocketAddress(io.netty.util.NetUtil.createInetAddressFromIpAddressString(
                        header.sourceAddress()), header.sourcePort());
            }
            ctx.pipeline().remove(this);
            ctx.fireChannelActive();
            ctx.fireUserEventTriggered(new ClientKnown(client));
        } finally {
            ReferenceCountUtil.release(header);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
