package dev.wharf.server.net;

import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.metrics.ServerMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What every door does before its protocol speaks, one instance per door. {@link #install} puts these
 * stages at the head of each connection's pipeline (names are constants so a door can find them):
 * <pre>
 * gate        ConnectionGate     limits.clients, counted at accept
 * proxy       HAProxyMessageDecoder   only with net.proxy-protocol
 * proxy-info  ProxyHeaderHandler      net.proxy-trusted; the header's source becomes the ClientAddress
 * admission   AdmissionHandler   net.allowed-subnets, limits.clients-per-address, reserved slots; starts LoginGrace
 * tls         SslHandler         doors with implicit TLS (ftps)
 * idle        IdleStateHandler   limits.idle-timeout (the session decides what idle means)
 * </pre>
 * The protocol's stages follow and see {@code channelActive} only once the connection is admitted.
 * Every refusal is one {@code wharf_connections_total{door,result}} count and one log line, rate-limited
 * per door ({@link ClientMistakes}) since any peer can cause them.
 */
public final class DoorFront {

    public static final String GATE = "gate";
    public static final String PROXY = "proxy";
    public static final String PROXY_INFO = "proxy-info";
    public static final String ADMISSION = "admission";
    public static final String TLS = "tls";
    public static final String IDLE = "idle";

    private static final Logger LOG = LoggerFactory.getLogger(DoorFront.class);

    private final String door;
    private final NetSettings settings;
    private final ServerMetrics metrics;
    private final SslContext implicitTls;
    private final DoorWords words;
    private final ConnectionGate gate = new ConnectionGate(this);
    private final ConnectionCounts counts = new ConnectionCounts();
    /** Refusals are unauthenticated peers' doing: their lines share one budget per door. */
    private final ClientMistakes refusals = new ClientMistakes(LOG, Level.WARN);

    /**
     * @param implicitTls the TLS context of a door that speaks TLS from the first byte, else null
     * @param words what the protocol says when it refuses (not used before implicit TLS: a TLS client
     *        could not read it)
     */
    public DoorFront(String door, NetSettings settings, ServerMetrics metrics, SslContext implicitTls, DoorWords words) {
        this.door = door;
        this.settings = settings;
        this.metrics = metrics;
        this.implicitTls = implicitTls;
        this.words = words;
        metrics.connectionGauges(door, this::open, this::unauthenticated);
    }

    public void install(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(GATE, gate);
        if (settings.proxyProtocol()) {
            p.addLast(PROXY, new HAProxyMessageDecoder());
            p.addLast(PROXY_INFO, new ProxyHeaderHandler(this));
        }
        p.addLast(ADMISSION, new AdmissionHandler(this));
        if (implicitTls != null) {
            p.addLast(TLS, implicitTls.newHandler(ch.alloc()));
        }
        p.addLast(IDLE, new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    public String door() {
        return door;
    }

    public NetSettings settings() {
        return settings;
    }

    /** Connections currently open on the door, admitted or not yet. */
    public int open() {
        return gate.open();
    }

    /** Connections not logged in yet. */
    public int unauthenticated() {
        return counts.unauthenticated();
    }

    ConnectionCounts counts() {
        return counts;
    }

    DoorWords words() {
        return words;
    }

    void admitted() {
        metrics.connection(door, "admitted");
    }

    void counted(Refusal reason) {
        metrics.connection(door, reason.label());
        metrics.login(door, "refused");
    }

    /** One log line, one count, the protocol's words (before TLS only where there is none), close. */
    void refuse(ChannelHandlerContext ctx, Refusal reason, InetSocketAddress client, String why) {
        refusals.report(door + ": refused " + client + ": " + why, null);
        counted(reason);
        String text = implicitTls == null ? words.refusal(reason) : null;
        if (text == null) {
            ctx.close();
        } else {
            ctx.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
