package dev.wharf.server.dcap;

import io.netty.channel.Channel;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side of a {@link DcapMover}: READ, SEEK_AND_READ and READV answered from a file (zero-copy
 * regions) or a listing, on the data channel's event loop. The mover keeps the position.
 */
final class MoverReads {

    private static final Logger LOG = LoggerFactory.getLogger(MoverReads.class);
    /**
     * What one READV may ask for, summed over its ranges. A READV of 4096 ranges over the same bytes
     * would otherwise make a 48 KiB request cost gigabytes of sending; libdcap's vector reads (ROOT's
     * baskets) ask for a few MiB. A larger READV gets an error reply and the connection goes on.
     */
    static final long MAX_READV_BYTES = 64L << 20;

    private final ReadSource source;

    MoverReads(ReadSource source) {
        this.source = source;
    }

    long size() throws IOException {
        return source.size();
    }

    /** ACK, {@code count} bytes from {@code position} (fewer at the end), trailer, FIN; the bytes sent. */
    long read(Channel ch, int command, long position, long count) {
        long n;
        try {
            n = Math.max(0, Math.min(count, source.size() - position));
        } catch (IOException e) {
            ch.writeAndFlush(DataReplies.error(ch.alloc(), false, command, DataReplies.ERROR_IO_DISK, e.getMessage()));
            return 0;
        }
        ch.write(DataReplies.ack(ch.alloc(), command));
        ch.write(DataReplies.dataHeader(ch.alloc()));
        sendRange(ch, position, n);
        ch.write(DataReplies.trailer(ch.alloc()));
        ch.writeAndFlush(DataReplies.fin(ch.alloc(), command));
        return n;
    }

    /** ACK, the ranges back to back (no trailer), FIN; the bytes sent. */
    long readv(Channel ch, DataRequest r) {
        long asked = r.ranges().stream().mapToLong(DataRequest.Range::length).sum();
        if (asked > MAX_READV_BYTES) {
            ch.writeAndFlush(DataReplies.error(ch.alloc(), false, r.opcode(), DataReplies.ERROR_PROTOCOL,
                    "READV asks for " + asked + " bytes, more than " + MAX_READV_BYTES + " in one request"));
            return 0;
        }
        long size;
        try {
            size = source.size();
        } catch (IOException e) {
            ch.writeAndFlush(DataReplies.error(ch.alloc(), false, r.opcode(), DataReplies.ERROR_IO_DISK, e.getMessage()));
            return 0;
        }
        ch.write(DataReplies.ack(ch.alloc(), r.opcode()));
        ch.write(DataReplies.dataHeader(ch.alloc()));
        long sent = 0;
        for (DataRequest.Range range : r.ranges()) {
            long n = Math.max(0, Math.min(range.length(), size - range.offset()));
            sendRange(ch, range.offset(), n);
            sent += n;
        }
        ch.writeAndFlush(DataReplies.fin(ch.alloc(), r.opcode()));
        return sent;
    }

    /** Frames {@code n} bytes at {@code offset} as data blocks (at most 2 GiB - 1 each). */
    private void sendRange(Channel ch, long offset, long n) {
        long at = offset;
        long left = n;
        while (left > 0) {
            int chunk = (int) Math.min(left, Integer.MAX_VALUE);
            ch.write(DataReplies.blockLength(ch.alloc(), chunk));
            ch.write(source.slice(at, chunk));
            at += chunk;
            left -= chunk;
        }
    }

    void close() {
        try {
            source.close();
        } catch (IOException e) {
            LOG.debug("closing a read file: {}", e.toString());
        }
    }
}
