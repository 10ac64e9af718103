package dev.wharf.server.gridftp.modee;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * MODE E data connections: any byte stream, in any pieces, is headers and payload at sane offsets or a
 * BlockException; nothing else is thrown and every payload slice is released.
 */
class BlockParserFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyStreamIsBlocksOrABlockException(FuzzedDataProvider data) {
        BlockParser parser = new BlockParser();
        BlockParser.Listener listener = new BlockParser.Listener() {
            @Override public void block(BlockHeader header) {}
            @Override public void payload(long offset, ByteBuf payload) {
                if (offset < 0) {
                    throw new AssertionError("payload at negative offset " + offset);
                }
                payload.release();
            }
        };
        try {
            while (data.remainingBytes() > 0) {
                ByteBuf piece = Unpooled.wrappedBuffer(data.consumeBytes(1 + data.consumeInt(0, 40)));
                try {
                    if (parser.feed(piece, listener)) {
                        return; // EOD: the rest belongs to the next transfer
                    }
                } finally {
                    piece.release();
                }
            }
        } catch (BlockException e) {
            // refused: the transfer fails with a reply naming the bad block
        }
    }
}
