package dev.wharf.server.ftp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The whole FTP control pipeline (line decoder, Telnet stripping, command parsing and every command's
 * argument parsing: PORT, EPRT, REST, OPTS MLST facts, TYPE, MODE, paths) after an anonymous (read-only)
 * login: any bytes get well-formed replies and no exception leaves the pipeline.
 */
class FtpControlFuzzTest extends ControlFuzzing {

    private static final byte[] LOGIN = "USER anonymous\r\nPASS fuzz@example.org\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    Map<String, String> config() {
        return Map.of();
    }

    @FuzzTest(maxDuration = "20s")
    void anyCommandBytesGetWellFormedReplies(byte[] input) {
        converse(Unpooled.wrappedBuffer(LOGIN, input));
    }
}
