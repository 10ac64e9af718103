package dev.wharf.server.dcap;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The dCap stages of a control connection, behind the door-neutral {@code net.DoorFront} ones. Order
 * and names (constants so handlers and tests can find stages):
 * line (4 KiB lines; 64 KiB tunnel lines on gsidcap and krbdcap) → decode / encode (ISO-8859-1 text) →
 * gsi-tunnel (gsidcap and krbdcap: every line both ways is {@code enc <base64>} of a GSS token or a wrapped
 * piece of the conversation) → reply ({@link DcapReply} values → lines) → session.
 */
final class DcapPipeline {

    static final String LINE = "line";
    static final String DECODE = "decode";
    static final String ENCODE = "encode";
    static final String GSI_TUNNEL = "gsi-tunnel";
    static final String REPLY = "reply";
    static final String SESSION = "session";
    /** A tunnel line carries base64 of a GSS token or of a wrapped line: room for both. */
    static final int MAX_TUNNEL_LINE = 64 * 1024;

    private DcapPipeline() {}

    /**
     * @param tunnel makes the tunnel stage (gsidcap, krbdcap), or null on the plain door
     * @param session makes the session stage
     */
    static void add(Channel ch, Supplier<ChannelHandler> tunnel, Supplier<ChannelHandler> session) {
        ChannelPipeline p = ch.pipeline();
        int maxLine = tunnel == null ? DcapLineParser.MAX_LINE + 1 : MAX_TUNNEL_LINE;
        // failFast: an over-long line is reported as soon as it passes the limit, not when its end arrives
        p.addLast(LINE, new LineBasedFrameDecoder(maxLine, true, true));
        p.addLast(DECODE, new StringDecoder(StandardCharsets.ISO_8859_1));
        p.addLast(ENCODE, new StringEncoder(StandardCharsets.ISO_8859_1));
        if (tunnel != null) {
            p.addLast(GSI_TUNNEL, tunnel.get());
        }
        p.addLast(REPLY, DcapReplyEncoder.INSTANCE);
        p.addLast(SESSION, session.get());
    }
}
