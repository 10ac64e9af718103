package dev.wharf.server.ftp;

import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.net.DoorFront;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Builds a control connection's pipeline: the door-neutral {@link DoorFront} stages (gate, proxy,
 * proxy-info, admission, tls for implicit FTPS, idle; AUTH TLS inserts tls before idle later), then
 * line (8 KiB max) → telnet (IAC stripping, UTF-8) → reply (encoder) → protect (RFC 2228 reply
 * wrapping, GridFTP) → session (commands on a per-session executor off the event loop).
 */
public final class FtpPipeline extends ChannelInitializer<Channel> {

    public static final String GATE = DoorFront.GATE;
    public static final String PROXY = DoorFront.PROXY;
    public static final String PROXY_INFO = DoorFront.PROXY_INFO;
    public static final String TLS = DoorFront.TLS;
    public static final String IDLE = DoorFront.IDLE;
    public static final String LINE = "line";
    public static final String TELNET = "telnet";
    public static final String REPLY = "reply";
    public static final String PROTECT = "protect";
    public static final String SESSION = "session";

    private static final ReplyEncoder ENCODER = new ReplyEncoder();

    private final SessionServices services;
    private final DoorFront front;
    // One log budget per door for what peers get wrong, so a flood of bad connections stays a few lines.
    private final ClientMistakes mistakes = new ClientMistakes(LoggerFactory.getLogger(FtpSessionHandler.class), Level.WARN);

    public FtpPipeline(SessionServices services, DoorFront front) {
        this.services = services;
        this.front = front;
    }

    /** The connection policy for {@code services}' door, with FTP's refusal words. */
    public static DoorFront front(SessionServices services) {
        FtpSettings s = services.settings();
        return new DoorFront(s.door(), s.net(), services.context().metrics(), s.implicitTls() ? services.tls() : null,
                new FtpRefusals());
    }

    @Override
    protected void initChannel(Channel ch) {
        front.install(ch);
        addProtocol(ch);
    }

    /** The FTP stages, behind the front's. */
    public void addProtocol(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(LINE, new FtpLineDecoder(FtpSettings.MAX_LINE));
        p.addLast(TELNET, new TelnetDecoder());
        p.addLast(REPLY, ENCODER);
        p.addLast(PROTECT, new ProtectedReplyEncoder());
        p.addLast(SESSION, new FtpSessionHandler(services, mistakes));
    }
}
