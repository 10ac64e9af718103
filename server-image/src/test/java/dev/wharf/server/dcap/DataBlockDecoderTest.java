package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataBlockDecoderTest {

    /** Records events; accepts every write. */
    static final class Recorder implements DataBlockDecoder.Listener {
        final List<String> events = new ArrayList<>();
        final StringBuilder data = new StringBuilder();
        DataBlockDecoder decoder;

        @Override
        public void greeting(long sessionId, String challenge) {
            events.add("greeting " + sessionId + " " + challenge);
        }

        @Override
        public void request(DataRequest r) {
            events.add("request " + r.opcode() + " " + r.offset() + " " + r.whence() + " " + r.count() + " " + r.ranges().size()
                    + (r.checksum().isPresent() ? " adler " + Long.toHexString(r.checksum().getAsLong()) : ""));
            if (r.isWrite()) {
                decoder.expectData();
            }
        }

        @Override
        public void data(ByteBuf chunk) {
            data.append(chunk.toString(StandardCharsets.US_ASCII));
            chunk.release();
        }

        @Override
        public void dataEnd() {
            events.add("end " + data);
        }
    }

    private static Recorder decode(boolean greeting, ByteBuf all, int pieceSize) throws Exception {
        Recorder r = new Recorder();
        r.decoder = new DataBlockDecoder(r, greeting, ByteBufAllocator.DEFAULT);
        while (all.isReadable()) {
            r.decoder.feed(all.readRetainedSlice(Math.min(pieceSize, all.readableBytes())));
        }
        all.release();
        r.decoder.release();
        return r;
    }

    private static ByteBuf conversation() {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(7).writeInt(3).writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
        b.writeInt(12).writeInt(DataRequest.READ).writeLong(1L << 33);
        b.writeInt(24).writeInt(DataRequest.SEEK_AND_READ).writeLong(5_000_000_000L).writeInt(0).writeLong(10);
        b.writeInt(4).writeInt(DataRequest.WRITE);
        b.writeInt(4).writeInt(DataRequest.DATA).writeInt(5).writeBytes("hello".getBytes(StandardCharsets.US_ASCII))
                .writeInt(0).writeInt(3).writeBytes("abc".getBytes(StandardCharsets.US_ASCII)).writeInt(-1);
        b.writeInt(8 + 24).writeInt(DataRequest.READV).writeInt(2).writeLong(1).writeInt(2).writeLong(1L << 40).writeInt(3);
        b.writeInt(20).writeInt(DataRequest.CLOSE).writeInt(12).writeInt(1).writeInt(1).writeInt(0xfedcba98);
        return b;
    }

    @Test
    void decodesAConversationWhateverTheSegmentation() throws Exception {
        List<String> expected = null;
        for (int piece : new int[] {1, 3, 7, 1000}) {
            Recorder r = decode(true, conversation(), piece);
            if (expected == null) {
                expected = r.events;
                assertEquals(List.of("greeting 7 abc", "request 2 0 0 8589934592 0", "request 11 5000000000 0 10 0",
                        "request 1 0 0 0 0", "end helloabc", "request 13 0 0 0 2", "request 4 0 0 0 0 adler fedcba98"), r.events);
            }
            assertEquals(expected, r.events, "piece size " + piece);
        }
    }

    @Test
    void refusesHostileBlocks() {
        assertThrows(DcapProtocolException.class, () -> decode(false, Unpooled.buffer().writeInt(3), 100));
        assertThrows(DcapProtocolException.class, () -> decode(false, Unpooled.buffer().writeInt(Integer.MAX_VALUE), 100));
        assertThrows(DcapProtocolException.class, () -> decode(false, Unpooled.buffer().writeInt(4).writeInt(99), 100));
        assertThrows(DcapProtocolException.class, () -> decode(false, Unpooled.buffer().writeInt(8).writeInt(2).writeInt(0), 100));
        assertThrows(DcapProtocolException.class,
                () -> decode(false, Unpooled.buffer().writeInt(12).writeInt(DataRequest.READ).writeLong(-1), 100));
        assertThrows(DcapProtocolException.class,
                () -> decode(false, Unpooled.buffer().writeInt(16).writeInt(DataRequest.SEEK).writeLong(0).writeInt(7), 100));
        assertThrows(DcapProtocolException.class,
                () -> decode(false, Unpooled.buffer().writeInt(8).writeInt(DataRequest.READV).writeInt(1000), 100));
        assertThrows(DcapProtocolException.class, () -> decode(true, Unpooled.buffer().writeInt(1).writeInt(1 << 20), 100));
        assertThrows(DcapProtocolException.class, () -> decode(false, Unpooled.buffer().writeInt(4).writeInt(DataRequest.WRITE)
                .writeInt(4).writeInt(DataRequest.READ), 100));
    }
}
