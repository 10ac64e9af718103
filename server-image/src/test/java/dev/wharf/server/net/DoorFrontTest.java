package dev.wharf.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.metrics.ServerMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The door-neutral stages on EmbeddedChannels (whose peer counts as 127.0.0.1): a connection the
 * policy refuses never reaches the protocol, not even with bytes that arrived with it.
 */
class DoorFrontTest {

    /** Stands for a door's protocol: records what reaches it. */
    static final class Protocol extends ChannelInboundHandlerAdapter {
        final List<String> seen = new ArrayList<>();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            seen.add("active from " + ClientAddress.of(ctx.channel()).getAddress().getHostAddress());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            seen.add("read");
            ReferenceCountUtil.release(msg);
        }
    }

    static DoorFront front(Map<String, String> keys) {
        return new DoorFront("test", NetSettings.from(ConfigFile.of(keys)), ServerMetrics.NONE, null, DoorWords.SILENT);
    }

    static EmbeddedChannel connect(DoorFront front, Protocol protocol) {
        EmbeddedChannel ch = new EmbeddedChannel();
        front.install(ch);
        ch.pipeline().addLast(protocol);
        ch.pipeline().fireChannelActive();
        return ch;
    }

    /** Bytes read from the socket, also when the channel was closed in the same read loop. */
    static void send(EmbeddedChannel ch, String text) {
        ch.pipeline().fireChannelRead(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        ch.runPendingTasks();
    }

    @Test
    void anAdmittedConnectionReachesTheProtocolWithItsRealAddress() {
        Protocol protocol = new Protocol();
        EmbeddedChannel ch = connect(front(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "127.0.0.1/32")), protocol);
        send(ch, "PROXY TCP4 192.0.2.7 127.0.0.1 40000 22125\r\n0 0 client hello\n");
        assertEquals(List.of("active from 192.0.2.7", "read"), protocol.seen);
        assertTrue(ch.isOpen());
        ch.finishAndReleaseAll();
    }

    @Test
    void bytesThatCameWithARefusedHeaderNeverReachTheProtocol() {
        Protocol protocol = new Protocol();
        EmbeddedChannel ch = connect(front(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "127.0.0.1/32",
                "net.allowed-subnets", "198.51.100.0/24")),
                protocol);
        send(ch, "PROXY TCP4 192.0.2.7 127.0.0.1 40000 22125\r\n0 0 client hello\n");
        assertEquals(List.of(), protocol.seen);
        assertFalse(ch.isOpen());
    }

    /** Any peer can be refused at will, on any door: its refusals must not flood the log. */
    @Test
    void aFloodOfRefusalsOnOneDoorIsRateLimitedInTheLog() {
        DoorFront front = front(Map.of("net.allowed-subnets", "198.51.100.0/24"));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(DoorFront.class);
        log.start();
        logger.addAppender(log);
        try {
            for (int i = 0; i < 3 * ClientMistakes.DEFAULT_BURST; i++) {
                EmbeddedChannel ch = connect(front, new Protocol());
                assertFalse(ch.isOpen());
            }
        } finally {
            logger.detachAppender(log);
        }
        long refusals = log.list.stream().filter(e -> e.getFormattedMessage().contains("refused")).count();
        assertEquals(ClientMistakes.DEFAULT_BURST, refusals, log.list.toString());
    }

    @Test
    void anUntrustedProxyIsClosedAndItsHeaderIgnored() {
        Protocol protocol = new Protocol();
        EmbeddedChannel ch = connect(front(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "10.0.0.0/8")),
                protocol);
        send(ch, "PROXY TCP4 192.0.2.7 127.0.0.1 40000 22125\r\n0 0 client hello\n");
        assertEquals(List.of(), protocol.seen);
        assertFalse(ch.isOpen());
    }

    @Test
    void bytesOfAConnectionOverTheLimitNeverReachTheProtocol() {
        DoorFront front = front(Map.of("limits.clients", "1", "limits.reserved-for-authenticated", "0"));
        Protocol first = new Protocol();
        EmbeddedChannel a = connect(front, first);
        Protocol second = new Protocol();
        EmbeddedChannel b = connect(front, second);
        send(b, "0 0 client hello\n");
        assertEquals(List.of(), second.seen);
        assertFalse(b.isOpen());
        assertEquals(List.of("active from 127.0.0.1"), first.seen);
        a.finishAndReleaseAll();
    }

    @Test
    void bytesOfAConnectionFromAForbiddenAddressNeverReachTheProtocol() {
        Protocol protocol = new Protocol();
        EmbeddedChannel ch = connect(front(Map.of("net.allowed-subnets", "10.0.0.0/8")), protocol);
        send(ch, "0 0 client hello\n");
        assertEquals(List.of(), protocol.seen);
        assertFalse(ch.isOpen());
    }
}
