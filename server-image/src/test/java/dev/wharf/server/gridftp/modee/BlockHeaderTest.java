package dev.wharf.server.gridftp.modee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {

    @Test
    void encodesTheExampleOfTheProtocolNotes() {
        // PROTOCOLS.md §2.2: "6789" at offset 6, then EOF|EOD|CLOSE announcing 2 connections
        ByteBuf out = Unpooled.buffer();
        BlockHeader.data(6, 4).encode(out);
        new BlockHeader(BlockHeader.EOF | BlockHeader.EOD | BlockHeader.CLOSE, 0, 2).encode(out);
        assertEquals("00" + "0000000000000004" + "0000000000000006"
                + "4c" + "0000000000000000" + "0000000000000002", ByteBufUtil.hexDump(out));
    }

    @Test
    void decodesWhatItEncodes() {
        BlockHeader h = new BlockHeader(BlockHeader.EOD, 123456789012L, 9876543210L);
        ByteBuf buf = h.encode(io.netty.buffer.ByteBufAllocator.DEFAULT);
        assertEquals(BlockHeader.SIZE, buf.readableBytes());
        assertEquals(h, BlockHeader.decode(buf));
        assertEquals(0, buf.readableBytes());
        buf.release();
    }

    @Test
    void eofCarriesTheStreamCountInTheOffsetField() throws Exception {
        BlockHeader eof = BlockHeader.eof(4).check();
        assertTrue(eof.has(BlockHeader.EOF) && eof.has(BlockHeader.EOD));
        assertEquals(0x48, eof.descriptor());
        assertEquals(4, eof.offset());
        assertEquals(0x08, BlockHeader.eod().descriptor());
    }

    @Test
    void decodeNeedsSeventeenBytes() {
        assertThrows(IllegalArgumentException.class, () -> BlockHeader.decode(Unpooled.wrappedBuffer(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new BlockHeader(256, 0, 0));
    }

    @Test
    void hostileHeadersAreRefused() {
        byte[] hugeCount = new byte[17];
        hugeCount[1] = (byte) 0x80; // count = 2^63: beyond any file
        BlockHeader h = BlockHeader.decode(Unpooled.wrappedBuffer(hugeCount));
        assertThrows(BlockException.class, h::check);
        assertThrows(BlockException.class, () -> BlockHeader.data(-5, 10).check());
        assertThrows(BlockException.class, () -> BlockHeader.data(Long.MAX_VALUE - 5, 10).check()); // end overflows
        assertThrows(BlockException.class, () -> new BlockHeader(BlockHeader.EOF, 5, 1).check()); // EOF with data
        assertThrows(BlockException.class, () -> BlockHeader.eof(0).check());
        assertThrows(BlockException.class, () -> BlockHeader.eof(-1).check());
    }

    @Test
    void endIsOffsetPlusCount() throws Exception {
        assertEquals(1010, BlockHeader.data(1000, 10).check().end());
        assertArrayEquals(new byte[17], ByteBufUtil.getBytes(BlockHeader.data(0, 0).encode(io.netty.buffer.ByteBufAllocator.DEFAULT)));
    }
}
