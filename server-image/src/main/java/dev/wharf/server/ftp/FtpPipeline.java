package dev.wharf.server.ftp;

import dev.wharf.server.net.ProxyHeaderHandler;
import dev.wharf.server.net.ConnectionGate;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds a control connection's pipeline. Order and names (constants so handlers can find stages):
 * gate (client limit) → proxy + proxy-info (only when net.proxy-protocol is on) → tls (implicit FTPS
 * door; AUTH TLS inserts it here later) → idle → line (8 KiB max) → telnet (IAC stripping, UTF-8) →
 * reply (encoder) → protect (RFC 2228 reply wrapping, GridFTP) → session (commands on a per-session executor off the event loop).
 */
public final class FtpPipeline extends ChannelInitializer<Channel> {

    public static final String GATE = "gate";
    public static final String PROXY = "proxy";
    public static final String PROXY_INFO = "proxy-info";
    public static final String TLS = "tls";
    public static final String IDLE = "idle";
    public static final String LINE = "line";
    public static final String TELNET = "telnet";
    public static final String REPLY = "reply";
    public static final String PROTECT = "protect";
    public static final String SESSION = "session";

    private final SessionServices services;
    private final ConnectionGate gate;
    private static final ReplyEncoder ENCODER = new ReplyEncoder();

    public FtpPipeline(SessionServices services, ConnectionGate gate) {
        this.services = services;
        this.gate = gate;
    }

    @Override
    protected void initChannel(Channel ch) {
        FtpSettings s = services.settings();
        ChannelPipeline p = ch.pipeline();
        p.addLast(GATE, gate);
        if (s.proxyProtocol()) {
            p.addLast(PROXY, new HAProxyMessageDecoder());
            p.addLast(PROXY_INFO, new ProxyHeaderHandler());
        }
        if (s.implicitTls()) {
            p.addLast(TLS, services.tls().newHandler(ch.alloc()));
        }
        p.addLast(IDLE, new IdleStateHandler(0, 0, s.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast(LINE, new FtpLineDecoder(FtpSettings.MAX_LINE));
        p.addLast(TELNET, new TelnetDecoder());
        p.addLast(REPLY, ENCODER);
        p.addLast(PROTECT, new ProtectedReplyEncoder());
        p.addLast(SESSION, new FtpSessionHandler(services));
    }
}
