package dev.wharf.server.gridftp.dcau;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * GSI token framing on DCAU data channels (bare TLS records or 4-byte length frames): any bytes give
 * "incomplete", a complete length within the buffer, or IllegalArgumentException for an absurd frame.
 */
class GsiTokensFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyBytesFrameOrAreRefused(byte[] input) {
        ByteBuf in = Unpooled.wrappedBuffer(input);
        try {
            int length = GsiTokens.completeLength(in);
            if (length == -1) {
                return;
            }
            if (length < 4 || length > in.readableBytes()) {
                throw new AssertionError("token length " + length + " of " + in.readableBytes() + " bytes");
            }
            boolean framed = !GsiTokens.isTlsRecord(in);
            ByteBuf token = in.readRetainedSlice(length);
            try {
                GsiTokens.payload(token, framed);
            } finally {
                token.release();
            }
        } catch (IllegalArgumentException e) {
            // refused: the data channel is closed
        } finally {
            in.release();
        }
    }
}
