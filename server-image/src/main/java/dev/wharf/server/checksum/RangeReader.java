package dev.wharf.server.checksum;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Feeds a byte range of a file through an algorithm with positional reads (the channel's position is untouched). */
final class RangeReader {

    private static final int CHUNK = 1 << 20;

    private RangeReader() {}

    /** The printed value of {@code algorithm} over {@code length} bytes from {@code offset}; EOF if the file is shorter. */
    static String compute(ChecksumAlgorithm algorithm, FileChannel channel, long offset, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(length, 1)));
        ChecksumAlgorithm.Accumulator accumulator = algorithm.accumulator();
        long position = offset;
        long end = offset + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("file ended at " + position + " before " + end);
            }
            accumulator.update(buffer.array(), n);
            position += n;
        }
        return accumulator.value();
    }
}
