package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.log.ClientMistakes;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Unauthenticated peers cannot flood the log: a client's mistake is one line, no stack trace, rate-limited. */
class ClientMistakeLogTest {

    @TempDir Path tmp;
    final FtpPipelineTest pipelines = new FtpPipelineTest();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        pipelines.tmp = tmp;
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
        pipelines.close();
    }

    /** A v2 header whose only TLV says it is 200 bytes long while the header holds 3 bytes after it. */
    static byte[] tlvPastItsEnd() {
        byte[] base = FtpPipelineTest.proxyV2((byte) 0x21, new byte[] {(byte) 192, 0, 2, 9});
        byte[] h = new byte[base.length + 6];
        System.arraycopy(base, 0, h, 0, base.length);
        h[15] = 12 + 6;
        h[28] = 0x04; // PP2_TYPE_NOOP
        h[29] = 0x00;
        h[30] = (byte) 200;
        return h;
    }

    @Test
    void aProxyV2TlvRunningPastItsEndIsOneLineWithoutAStackTrace() {
        EmbeddedChannel ch = pipelines.channel(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "127.0.0.1/32"));
        FtpPipelineTest.send(ch, tlvPastItsEnd());
        assertEquals(List.of(), FtpPipelineTest.replies(ch));
        assertFalse(ch.isOpen());
        List<ILoggingEvent> lines = log.list.stream().filter(e -> e.getLoggerName().startsWith("dev.wharf")).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertNull(lines.get(0).getThrowableProxy(), "no stack trace");
        assertTrue(lines.get(0).getFormattedMessage().contains("bad PROXY header"), lines.get(0).getFormattedMessage());
    }

    @Test
    void aFloodOfMistakesOnOneDoorIsRateLimited() {
        EmbeddedChannel ch = pipelines.channel(Map.of());
        FtpPipelineTest.replies(ch); // the greeting
        for (int i = 0; i < 3 * ClientMistakes.DEFAULT_BURST; i++) {
            FtpPipelineTest.send(ch, "X".repeat(FtpSettings.MAX_LINE + 1) + "\r\n");
        }
        assertEquals(3 * ClientMistakes.DEFAULT_BURST, FtpPipelineTest.replies(ch).size(), "each line still gets its 500");
        long lines = log.list.stream().filter(e -> e.getLoggerName().startsWith("dev.wharf")).count();
        assertEquals(ClientMistakes.DEFAULT_BURST, lines);
        assertTrue(log.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
        ch.finishAndReleaseAll();
    }
}
