package dev.wharf.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.NetUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Netty's HAProxyMessageDecoder when {@code net.proxy-protocol} is on. A peer outside
 * {@code net.proxy-trusted} is closed before its header is read: anyone else could claim any source
 * address. From a trusted peer the header's source becomes the {@link ClientAddress}; LOCAL (health
 * check) closes; only then does {@code channelActive} travel on, so a server-speaks-first door greets
 * after the header. The message is released; no header within {@link #HEADER_TIMEOUT_SECONDS} closes.
 */
public final class ProxyHeaderHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHeaderHandler.class);
    static final long HEADER_TIMEOUT_SECONDS = 10;

    private final DoorFront front;
    private ScheduledFuture<?> timeout;
    /** Closed by the policy: nothing that arrives any more is believed or passed on. */
    private boolean refused;

    ProxyHeaderHandler(DoorFront front) {
        this.front = front;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress peer = ClientAddress.peer(ctx.channel());
        if (!front.settings().proxyTrusted().allows(peer.getAddress())) {
            refuse(ctx, Refusal.UNTRUSTED_PROXY, "not in net.proxy-trusted");
            return;
        }
        timeout = ctx.executor().schedule(() -> refuse(ctx, Refusal.NO_PROXY_HEADER,
                "no PROXY header within " + HEADER_TIMEOUT_SECONDS + " s"), HEADER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // Later stages must not see the connection yet: channelActive stops here.
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof HAProxyMessage header)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            cancelTimeout();
            if (header.command() == HAProxyCommand.LOCAL) {
                LOG.debug("PROXY LOCAL from {} (health check); closing", ctx.channel().remoteAddress());
                ctx.close();
                return;
            }
            HAProxyProxiedProtocol p = header.proxiedProtocol();
            if ((p == HAProxyProxiedProtocol.TCP4 || p == HAProxyProxiedProtocol.TCP6) && header.sourceAddress() != null) {
                ClientAddress.set(ctx.channel(), new InetSocketAddress(
                        NetUtil.createInetAddressFromIpAddressString(header.sourceAddress()), header.sourcePort()));
            }
            ctx.pipeline().remove(this);
            ctx.fireChannelActive();
        } finally {
            ReferenceCountUtil.release(header);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof HAProxyProtocolException || cause.getCause() instanceof HAProxyProtocolException) {
            cancelTimeout();
            if (!refused) {
                refuse(ctx, Refusal.BAD_PROXY_HEADER, "bad PROXY header");
            }
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private void refuse(ChannelHandlerContext ctx, Refusal reason, String why) {
        refused = true;
        front.refuse(ctx, reason, ClientAddress.peer(ctx.channel()), why);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        ctx.fireChannelInactive();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
