package dev.wharf.server.gridftp.modee;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Splits one MODE E data connection's bytes into headers and payload pieces without copying payload:
 * each piece is a retained slice of what the socket delivered, with the file offset it belongs at. A
 * header split across reads is gathered first. Feeding stops right after this connection's EOD block,
 * leaving the bytes behind it (the next transfer's, on a cached connection) unread in the buffer.
 */
public final class BlockParser {

    /** Receives what the parser finds, on the connection's event loop. */
    public interface Listener {
        /** A header that passed {@link BlockHeader#check()}, before its payload. */
        void block(BlockHeader header) throws BlockException;

        /** {@code payload} belongs at file offset {@code offset}; the listener releases it. */
        void payload(long offset, ByteBuf payload);
    }

    private final ByteBuf partial = Unpooled.buffer(BlockHeader.SIZE, BlockHeader.SIZE);
    private BlockHeader current;
    private long remaining;
    private long position;
    private boolean deliver;

    /** Consumes {@code in} until it is empty (false) or the EOD block has ended (true). Does not release it. */
    public boolean feed(ByteBuf in, Listener listener) throws BlockException {
        while (true) {
            if (current == null) {
                BlockHeader header = header(in);
                if (header == null) {
                    return false;
                }
                header.check();
                listener.block(header);
                current = header;
                remaining = header.count();
                position = header.offset();
                // restart-marker blocks carry marker text, not file data
                deliver = !header.has(BlockHeader.RESTART) && !header.has(BlockHeader.EOF);
            }
            if (remaining > 0) {
                int n = (int) Math.min(remaining, in.readableBytes());
                if (n == 0) {
                    return false;
                }
                if (deliver) {
                    listener.payload(position, in.readRetainedSlice(n));
                } else {
                    in.skipBytes(n);
                }
                remaining -= n;
                position += n;
                if (remaining > 0) {
                    return false;
                }
            }
            boolean eod = current.has(BlockHeader.EOD);
            current = null;
            if (eod) {
                return true;
            }
        }
    }

    /** True between blocks: nothing of a block is pending. */
    public boolean idle() {
        return current == null && partial.readableBytes() == 0;
    }

    private BlockHeader header(ByteBuf in) {
        if (partial.readableBytes() == 0 && in.readableBytes() >= BlockHeader.SIZE) {
            return BlockHeader.decode(in);
        }
        int n = Math.min(BlockHeader.SIZE - partial.readableBytes(), in.readableBytes());
        partial.writeBytes(in, n);
        if (partial.readableBytes() < BlockHeader.SIZE) {
            return null;
        }
        BlockHeader header = BlockHeader.decode(partial);
        partial.clear();
        return header;
    }
}
