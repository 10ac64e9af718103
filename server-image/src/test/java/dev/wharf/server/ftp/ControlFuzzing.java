package dev.wharf.server.ftp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One FTP door per fuzz test (the context is built once, each input gets a fresh control connection on an
 * EmbeddedChannel, commands run on the calling thread) and the check every input must pass: replies are
 * well-formed — each line a code or a continuation, no CR or LF a client smuggled in — and no exception
 * leaves the pipeline.
 */
abstract class ControlFuzzing {

    private static final Pattern REPLY_LINE = Pattern.compile("(\\d{3}[ -]| )[^\\r\\n]*");

    @TempDir Path tmp;
    private final FtpPipelineTest pipelines = new FtpPipelineTest();
    private SessionServices door;

    /** The door's server.conf keys. */
    abstract Map<String, String> config();

    @BeforeEach
    void openDoor() {
        pipelines.tmp = tmp;
        door = pipelines.services(config());
    }

    @AfterEach
    void closeDoor() {
        pipelines.close();
    }

    /** Sends {@code in} on a new control connection and checks what comes back. */
    void converse(ByteBuf in) {
        EmbeddedChannel ch = FtpPipelineTest.channel(door);
        try {
            ch.writeInbound(in);
            ch.runPendingTasks();
            ch.checkException();
            for (ByteBuf out = ch.readOutbound(); out != null; out = ch.readOutbound()) {
                String reply = out.toString(StandardCharsets.UTF_8);
                out.release();
                if (!reply.endsWith("\r\n")) {
                    throw new AssertionError("reply without CRLF: " + reply);
                }
                for (String line : reply.substring(0, reply.length() - 2).split("\r\n", -1)) {
                    if (!REPLY_LINE.matcher(line).matches()) {
                        throw new AssertionError("malformed reply line '" + line + "' in " + reply);
                    }
                }
            }
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
