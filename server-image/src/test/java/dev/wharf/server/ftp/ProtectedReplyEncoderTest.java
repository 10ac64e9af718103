package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The protect stage: replies pass through until a protection is installed, then leave wrapped. */
class ProtectedReplyEncoderTest {

    /** Wraps by reversing the rendered text: enough to see which replies went through it. */
    private static final ControlProtection REVERSE = new ControlProtection() {
        @Override
        public boolean carriesCommand(String verb) {
            return verb.equals("ENC");
        }

        @Override
        public boolean allowsClear(String verb) {
            return false;
        }

        @Override
        public String unwrap(String verb, String argument) {
            return argument;
        }

        @Override
        public String wrap(FtpReply reply) {
            return "632 " + new StringBuilder(reply.render().strip()).reverse() + "\r\n";
        }
    };

    @Test
    void repliesPassInClearUntilProtectedThenLeaveWrapped() {
        ProtectedReplyEncoder protect = new ProtectedReplyEncoder();
        EmbeddedChannel ch = new EmbeddedChannel(protect);
        FtpReply clear = FtpReply.of(235, "GSSAPI Authentication successful.");
        ch.writeOutbound(clear);
        assertSame(clear, ch.readOutbound());

        protect.protect(REVERSE);
        ch.writeOutbound(FtpReply.of(226, "done"));
        ByteBuf wire = ch.readOutbound();
        assertEquals("632 enod 622\r\n", wire.toString(StandardCharsets.UTF_8));
        wire.release();
        ch.finishAndReleaseAll();
    }
}
