package dev.wharf.server.gridftp.modee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlockSizeTest {

    static final long MIB = 1 << 20;

    @Test
    void smallTransfersKeepOneMebibyteBlocksSoEveryStreamGetsSome() {
        assertEquals(MIB, BlockSender.blockSize(0, 4));
        assertEquals(MIB, BlockSender.blockSize(5 * MIB, 4));
        assertEquals(MIB, BlockSender.blockSize(16 * MIB, 4));
    }

    @Test
    void largerTransfersGetLargerBlocksUpTo16MiB() {
        assertEquals(4 * MIB, BlockSender.blockSize(64 * MIB, 4));
        assertEquals(16 * MIB, BlockSender.blockSize(256 * MIB, 4));
        assertEquals(16 * MIB, BlockSender.blockSize(2048 * MIB, 4));
        assertEquals(16 * MIB, BlockSender.blockSize(Long.MAX_VALUE, 4));
    }

    @Test
    void oneStreamStillGetsFourBlocks() {
        assertEquals(8 * MIB, BlockSender.blockSize(32 * MIB, 1));
        assertEquals(MIB, BlockSender.blockSize(100, 0)); // a parallelism of 0 never divides by zero
    }
}
