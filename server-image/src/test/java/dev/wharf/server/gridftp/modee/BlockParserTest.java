package dev.wharf.server.gridftp.modee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockParserTest {

    private final List<BlockHeader> headers = new ArrayList<>();
    private final byte[] file = new byte[32];
    private final BlockParser.Listener listener = new BlockParser.Listener() {
        @Override
        public void block(BlockHeader header) {
            headers.add(header);
        }

        @Override
        public void payload(long offset, ByteBuf payload) {
            payload.readBytes(file, (int) offset, payload.readableBytes());
            payload.release();
        }
    };

    private static ByteBuf stream(Object... parts) {
        ByteBuf out = Unpooled.buffer();
        for (Object p : parts) {
            if (p instanceof BlockHeader h) {
                h.encode(out);
            } else {
                out.writeBytes(((String) p).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out;
    }

    @Test
    void writesPayloadAtItsOffsetAndStopsAfterEod() throws Exception {
        ByteBuf in = stream(BlockHeader.data(6, 4), "6789", BlockHeader.data(0, 6), "012345", BlockHeader.eod(),
                BlockHeader.data(0, 3), "abc"); // the last block belongs to the next transfer
        BlockParser parser = new BlockParser();
        assertTrue(parser.feed(in, listener));
        assertEquals("0123456789", new String(file, 0, 10, StandardCharsets.US_ASCII));
        assertEquals(BlockHeader.SIZE + 3, in.readableBytes(), "bytes after the EOD stay unread");
        assertTrue(parser.idle());
    }

    @Test
    void aHeaderAndPayloadSplitAcrossReadsOneByteAtATime() throws Exception {
        ByteBuf all = stream(BlockHeader.data(2, 5), "hello", BlockHeader.eof(1));
        BlockParser parser = new BlockParser();
        boolean eod = false;
        while (all.isReadable()) {
            ByteBuf one = all.readRetainedSlice(1);
            eod = parser.feed(one, listener);
            assertEquals(0, one.readableBytes());
            one.release();
        }
        assertTrue(eod);
        assertEquals("hello", new String(file, 2, 5, StandardCharsets.US_ASCII));
        assertEquals(2, headers.size());
        assertTrue(headers.get(1).has(BlockHeader.EOF));
    }

    @Test
    void aPartialBlockIsNotIdle() throws Exception {
        BlockParser parser = new BlockParser();
        assertFalse(parser.feed(stream(BlockHeader.data(0, 10), "01234"), listener));
        assertFalse(parser.idle());
    }

    @Test
    void restartMarkerPayloadIsNotFileData() throws Exception {
        ByteBuf in = stream(new BlockHeader(BlockHeader.RESTART, 4, 0), "XXXX", BlockHeader.data(0, 2), "ok",
                BlockHeader.eod());
        assertTrue(new BlockParser().feed(in, listener));
        assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(file, 2));
    }

    @Test
    void malformedHeadersStopTheStream() {
        byte[] hostile = new byte[17];
        java.util.Arrays.fill(hostile, 1, 9, (byte) 0xff); // count = 2^64-1
        assertThrows(BlockException.class, () -> new BlockParser().feed(Unpooled.wrappedBuffer(hostile), listener));
        assertThrows(BlockException.class, () -> new BlockParser().feed(stream(BlockHeader.data(-1, 1), "x"), listener));
        assertEquals("", ByteBufUtil.hexDump(Unpooled.EMPTY_BUFFER));
    }

    @Test
    void theListenerMayRefuseABlockBeforeItsPayload() {
        BlockParser.Listener refusing = new BlockParser.Listener() {
            @Override
            public void block(BlockHeader header) throws BlockException {
                throw new BlockException("beyond ALLO");
            }

            @Override
            public void payload(long offset, ByteBuf payload) {
                throw new AssertionError("payload of a refused block");
            }
        };
        assertThrows(BlockException.class, () -> new BlockParser().feed(stream(BlockHeader.data(0, 2), "no"), refusing));
    }
}
