package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control pipeline on an EmbeddedChannel: PROXY v1/v2, greeting order, line limits, IAC. */
class FtpPipelineTest {

    /** An in-memory channel's peer is 127.0.0.1: the trusted proxy of the PROXY cases. */
    static final String LOOPBACK = "127.0.0.1/32";

    @TempDir Path tmp;
    ServerContext context;

    EmbeddedChannel channel(Map<String, String> config) {
        return channel(services(config));
    }

    /** A door's services over a context whose commands run on the calling thread. */
    SessionServices services(Map<String, String> config) {
        ConfigFile file = ConfigFile.of(config);
        ServerContext base = TestContexts.builder().config(file)
                .logins(new TestLogins(tmp).add("alice", "secret", tmp, "/")).build();
        context = base;
        ServerContext direct = TestContexts.direct(base);
        FtpSettings settings = FtpSettings.plain(file);
        DataChannelFactory data = new DataChannelFactory(direct.transport(), direct.ioGroup(),
                InetAddress.getLoopbackAddress(), new PortAllocator(settings.portRange()));
        return new SessionServices(direct, settings, FtpCommands.standard(), data,
                direct.tls().sslContext(), FileChannelOpener.DEFAULT);
    }

    /** A new control connection of the door {@code services} belong to, already active. */
    static EmbeddedChannel channel(SessionServices services) {
        EmbeddedChannel ch = new EmbeddedChannel();
        new FtpPipeline(services, FtpPipeline.front(services)).initChannel(ch);
        ch.pipeline().fireChannelActive();
        return ch;
    }

    @AfterEach
    void close() {
        if (context != null) {
            TestContexts.close(context);
        }
    }

    static List<String> replies(EmbeddedChannel ch) {
        ch.runPendingTasks();
        List<String> out = new ArrayList<>();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            out.add(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        return out;
    }

    static void send(EmbeddedChannel ch, String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    static void send(EmbeddedChannel ch, byte[] bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    @Test
    void greetsAndAnswersWithoutProxy() {
        EmbeddedChannel ch = channel(Map.of());
        assertEquals(List.of("220 Wharf FTP server ready\r\n"), replies(ch));
        send(ch, "NOOP\r\nPWD\r\nfeat\n");
        List<String> r = replies(ch);
        assertEquals("200 NOOP ok\r\n", r.get(0));
        assertEquals("530 Please login with USER and PASS\r\n", r.get(1));
        assertTrue(r.get(2).startsWith("211-Extensions supported:\r\n"), r.get(2));
        assertNull(ch.pipeline().get(FtpPipeline.PROXY));
        assertFalse(ch.finish());
    }

    @Test
    void proxyV1GreetsAfterTheHeaderAndUsesTheRealClient() {
        EmbeddedChannel ch = channel(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", LOOPBACK, "net.allowed-subnets", "192.0.2.0/24"));
        assertEquals(List.of(), replies(ch), "no greeting before the PROXY header");
        send(ch, "PROXY TCP4 192.0.2.7 127.0.0.1 40000 2121\r\n");
        assertEquals(List.of("220 Wharf FTP server ready\r\n"), replies(ch));
        assertNull(ch.pipeline().get(FtpPipeline.PROXY), "the decoder removed itself");
        assertNull(ch.pipeline().get(FtpPipeline.PROXY_INFO));
        send(ch, "STAT\r\n");
        assertEquals("530 Please login with USER and PASS\r\n", replies(ch).get(0));
        send(ch, "USER alice\r\nPASS secret\r\nSTAT\r\n");
        List<String> r = replies(ch);
        assertTrue(r.get(2).contains("Connected from 192.0.2.7"), r.get(2));
        ch.finishAndReleaseAll();
    }

    @Test
    void proxyV2WithAnAddressOutsideTheSubnetsIsRefused() {
        EmbeddedChannel ch = channel(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", LOOPBACK, "net.allowed-subnets", "192.0.2.0/24"));
        send(ch, proxyV2((byte) 0x21, new byte[] {(byte) 198, 51, 100, 9}));
        assertEquals(List.of("421 Service not available for your address\r\n"), replies(ch));
        assertFalse(ch.isOpen());
    }

    @Test
    void proxyV2InsideTheSubnetsIsGreeted() {
        EmbeddedChannel ch = channel(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", LOOPBACK, "net.allowed-subnets", "192.0.2.0/24"));
        send(ch, proxyV2((byte) 0x21, new byte[] {(byte) 192, 0, 2, 9}));
        assertEquals(List.of("220 Wharf FTP server ready\r\n"), replies(ch));
        ch.finishAndReleaseAll();
    }

    @Test
    void proxyLocalClosesWithoutGreeting() {
        EmbeddedChannel ch = channel(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", LOOPBACK));
        byte[] local = new byte[16];
        System.arraycopy(SIGNATURE, 0, local, 0, 12);
        local[12] = 0x20; // version 2, LOCAL
        local[13] = 0x00;
        send(ch, local);
        assertEquals(List.of(), replies(ch));
        assertFalse(ch.isOpen());
    }

    @Test
    void garbageInsteadOfAProxyHeaderCloses() {
        EmbeddedChannel ch = channel(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", LOOPBACK));
        send(ch, "USER alice@example.org\r\n");
        assertEquals(List.of(), replies(ch));
        assertFalse(ch.isOpen());
    }

    @Test
    void overlongLinesAreRefusedAndDiscardedAsTheyArrive() {
        EmbeddedChannel ch = channel(Map.of());
        replies(ch);
        for (int i = 0; i < 100; i++) {
            send(ch, "X".repeat(4096)); // 400 KiB without a line end
        }
        assertEquals(List.of("500 Command line too long\r\n"), replies(ch));
        FtpLineDecoder lines = (FtpLineDecoder) ch.pipeline().get(FtpPipeline.LINE);
        assertTrue(lines.buffered() <= FtpSettings.MAX_LINE, "bounded: " + lines.buffered());
        send(ch, "tail of the long line\r\nNOOP\r\n");
        assertEquals(List.of("200 NOOP ok\r\n"), replies(ch));
        ch.finishAndReleaseAll();
    }

    @Test
    void telnetSequencesAreStripped() {
        EmbeddedChannel ch = channel(Map.of());
        replies(ch);
        send(ch, new byte[] {(byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2, 'N', 'O', (byte) 0xff, (byte) 0xfb, 1,
            'O', 'P', '\r', '\n'});
        assertEquals(List.of("200 NOOP ok\r\n"), replies(ch));
        assertEquals("a\u00ffb", TelnetDecoder.strip(Unpooled.wrappedBuffer(new byte[] {'a', (byte) 0xff, (byte) 0xff, 'b'}))
                .replace("\ufffd", "\u00ff"));
        ch.finishAndReleaseAll();
    }

    @Test
    void unknownAndUnimplementedVerbs() {
        EmbeddedChannel ch = channel(Map.of());
        replies(ch);
        send(ch, "FROB\r\nREIN\r\nUSER\r\n");
        assertEquals(List.of("500 Command not understood\r\n", "502 REIN not implemented\r\n",
                "501 USER needs a user name\r\n"), replies(ch));
        ch.finishAndReleaseAll();
    }

    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};

    static byte[] proxyV2(byte verCmd, byte[] source) {
        byte[] h = new byte[16 + 12];
        System.arraycopy(SIGNATURE, 0, h, 0, 12);
        h[12] = verCmd;
        h[13] = 0x11; // TCP over IPv4
        h[15] = 12;
        System.arraycopy(source, 0, h, 16, 4);
        h[20] = 127;
        h[23] = 1;
        h[24] = (byte) 0x9c;
        h[25] = 0x40; // source port 40000
        h[26] = 0x08;
        h[27] = 0x4a; // destination port 2122
        return h;
    }
}
