package dev.wharf.server.gridftp.modee;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The 17-byte header of a MODE E (extended block mode, GFD.20) block: an 8-bit descriptor, a 64-bit
 * byte count and a 64-bit offset, big-endian. In an EOF header the offset field is the number of EODs
 * the receiver must see (the sender's stream count), not a file offset. Encoding and decoding are pure;
 * {@link #check()} says whether a received header may be acted on.
 */
public record BlockHeader(int descriptor, long count, long offset) {

    public static final int SIZE = 17;

    public static final int EOR = 0x80;
    public static final int EOF = 0x40;
    public static final int ERR = 0x20;
    public static final int RESTART = 0x10;
    public static final int EOD = 0x08;
    public static final int CLOSE = 0x04;

    public BlockHeader {
        if (descriptor < 0 || descriptor > 0xff) {
            throw new IllegalArgumentException("descriptor must be one byte: " + descriptor);
        }
    }

    /** A data block of {@code count} bytes at file offset {@code offset}. */
    public static BlockHeader data(long offset, long count) {
        return new BlockHeader(0, count, offset);
    }

    /** The end of this stream's data for the transfer; the connection stays open for the next one. */
    public static BlockHeader eod() {
        return new BlockHeader(EOD, 0, 0);
    }

    /** EOF together with this stream's EOD: the receiver is done after {@code eodCount} EODs. */
    public static BlockHeader eof(long eodCount) {
        return new BlockHeader(EOF | EOD, 0, eodCount);
    }

    public boolean has(int flag) {
        return (descriptor & flag) != 0;
    }

    /** Appends the header to {@code out}. */
    public void encode(ByteBuf out) {
        out.writeByte(descriptor).writeLong(count).writeLong(offset);
    }

    public ByteBuf encode(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(SIZE, SIZE);
        encode(out);
        return out;
    }

    /** Reads one header; {@code in} must hold at least {@link #SIZE} readable bytes. */
    public static BlockHeader decode(ByteBuf in) {
        if (in.readableBytes() < SIZE) {
            throw new IllegalArgumentException("a block header needs " + SIZE + " bytes, got " + in.readableBytes());
        }
        return new BlockHeader(in.readUnsignedByte(), in.readLong(), in.readLong());
    }

    /**
     * Refuses a header no sender may send: a count or offset beyond 2^63-1 (negative here), an EOF
     * carrying data or a non-positive EOD count, a block whose end overflows.
     */
    public BlockHeader check() throws BlockException {
        if (count < 0) {
            throw new BlockException("block length " + Long.toUnsignedString(count) + " is absurd");
        }
        if (has(EOF)) {
            if (count != 0) {
                throw new BlockException("EOF block carries " + count + " data bytes");
            }
            if (offset <= 0) {
                throw new BlockException("EOF announces " + Long.toUnsignedString(offset) + " data streams");
            }
            return this;
        }
        if (offset < 0) {
            throw new BlockException("block offset " + Long.toUnsignedString(offset) + " is absurd");
        }
        if (offset + count < 0) {
            throw new BlockException("block at " + offset + " of " + count + " bytes ends beyond 2^63");
        }
        return this;
    }

    /** The first byte after the block's payload (data blocks). */
    public long end() {
        return offset + count;
    }

    @Override
    public String toString() {
        return String.format("[%02x count=%d offset=%d]", descriptor, count, offset);
    }
}
