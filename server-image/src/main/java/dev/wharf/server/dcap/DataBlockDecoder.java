package dev.wharf.server.dcap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Splits the client's side of a dCap data channel into events: the greeting (client-connects mode),
 * request blocks, and the data stream of a write. Pure apart from buffer handling: it owns what it is
 * fed and hands retained slices of data to the listener, which releases them. Not thread-safe; used on
 * the channel's event loop.
 */
public final class DataBlockDecoder {

    /** Longest request block accepted (a READV of {@link #MAX_READV_RANGES} ranges fits). */
    static final int MAX_BLOCK = 8 + 12 * 4096;
    static final int MAX_READV_RANGES = 4096;
    static final int MAX_CHALLENGE = 1024;

    public interface Listener {
        void greeting(long sessionId, String challenge) throws DcapProtocolException;

        void request(DataRequest request) throws DcapProtocolException;

        /** Part of a written data block; the listener releases it. */
        void data(ByteBuf chunk);

        /** The {@code -1} trailer that ends a write. */
        void dataEnd();
    }

    private enum State { GREETING, REQUEST, DATA_HEADER, BLOCK_LENGTH, BLOCK_BODY }

    private final Listener listener;
    private final ByteBufAllocator alloc;
    /** Bytes of an incomplete header or request, copied out of the last buffer; never sliced while shared. */
    private ByteBuf pending;
    private State state;
    private long remaining;

    public DataBlockDecoder(Listener listener, boolean expectGreeting, ByteBufAllocator alloc) {
        this.listener = listener;
        this.alloc = alloc;
        this.state = expectGreeting ? State.GREETING : State.REQUEST;
    }

    /** Called by the listener while handling a write request it accepted: the data stream follows. */
    public void expectData() {
        state = State.DATA_HEADER;
    }

    /**
     * Takes ownership of {@code in} and delivers every complete event it finishes. Written data is
     * passed on as retained slices of the received buffers (no copy); only an incomplete header is
     * copied into a fresh buffer, so a buffer that slices point into is never compacted.
     */
    public void feed(ByteBuf in) throws DcapProtocolException {
        ByteBuf b;
        if (pending != null) {
            b = pending;
            pending = null;
            b.writeBytes(in);
            in.release();
        } else {
            b = in;
        }
        try {
            while (step(b)) {
                // keep going while events complete
            }
        } finally {
            if (b.isReadable()) {
                pending = alloc.buffer(b.readableBytes());
                pending.writeBytes(b);
            }
            b.release();
        }
    }

    public void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private boolean step(ByteBuf b) throws DcapProtocolException {
        switch (state) {
            case GREETING -> {
                if (b.readableBytes() < 8) {
                    return false;
                }
                int length = b.getInt(b.readerIndex() + 4);
                if (length < 0 || length > MAX_CHALLENGE) {
                    throw new DcapProtocolException("bad challenge length " + length);
                }
                if (b.readableBytes() < 8 + length) {
                    return false;
                }
                long session = b.readInt() & 0xffffffffL;
                b.skipBytes(4);
                String challenge = b.readCharSequence(length, StandardCharsets.US_ASCII).toString();
                state = State.REQUEST;
                listener.greeting(session, challenge);
                return true;
            }
            case REQUEST, DATA_HEADER -> {
                if (b.readableBytes() < 4) {
                    return false;
                }
                int length = b.getInt(b.readerIndex());
                if (length < 4 || length > MAX_BLOCK) {
                    throw new DcapProtocolException("bad block length " + length);
                }
                if (b.readableBytes() < 4 + length) {
                    return false;
                }
                b.skipBytes(4);
                ByteBuf block = b.readSlice(length);
                int opcode = block.readInt();
                if (state == State.DATA_HEADER) {
                    if (opcode != DataRequest.DATA) {
                        throw new DcapProtocolException("expected a DATA block, got opcode " + opcode);
                    }
                    state = State.BLOCK_LENGTH;
                    return true;
                }
                listener.request(parse(opcode, block));
                return true;
            }
            case BLOCK_LENGTH -> {
                if (b.readableBytes() < 4) {
                    return false;
                }
                int n = b.readInt();
                if (n == -1) {
                    state = State.REQUEST;
                    listener.dataEnd();
                } else if (n < 0) {
                    throw new DcapProtocolException("bad data block length " + n);
                } else if (n > 0) {
                    remaining = n;
                    state = State.BLOCK_BODY;
                }
                return true;
            }
            case BLOCK_BODY -> {
                int take = (int) Math.min(remaining, b.readableBytes());
                if (take == 0) {
                    return false;
                }
                listener.data(b.readRetainedSlice(take));
                remaining -= take;
                if (remaining == 0) {
                    state = State.BLOCK_LENGTH;
                }
                return true;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    static DataRequest parse(int opcode, ByteBuf block) throws DcapProtocolException {
        try {
            return switch (opcode) {
                case DataRequest.WRITE, DataRequest.LOCATE -> DataRequest.simple(opcode);
                case DataRequest.READ -> new DataRequest(opcode, 0, 0, count(block.readLong()), List.of(), OptionalLong.empty());
                case DataRequest.SEEK, DataRequest.SEEK_AND_WRITE ->
                        new DataRequest(opcode, block.readLong(), whence(block.readInt()), 0, List.of(), OptionalLong.empty());
                case DataRequest.SEEK_AND_READ -> {
                    long offset = block.readLong();
                    int whence = whence(block.readInt());
                    yield new DataRequest(opcode, offset, whence, count(block.readLong()), List.of(), OptionalLong.empty());
                }
                case DataRequest.CLOSE -> new DataRequest(opcode, 0, 0, 0, List.of(), closeChecksum(block));
                case DataRequest.READV -> readv(block);
                default -> throw new DcapProtocolException("unknown opcode " + opcode);
            };
        } catch (IndexOutOfBoundsException e) {
            throw new DcapProtocolException("block of opcode " + opcode + " is too short");
        }
    }

    private static long count(long n) throws DcapProtocolException {
        if (n < 0) {
            throw new DcapProtocolException("negative byte count " + n);
        }
        return n;
    }

    private static int whence(int w) throws DcapProtocolException {
        if (w < DataRequest.SEEK_SET || w > DataRequest.SEEK_END) {
            throw new DcapProtocolException("bad whence " + w);
        }
        return w;
    }

    /** CLOSE may carry sub-blocks {@code <len> <type> …}; type 1 algorithm 1 is ADLER32. */
    private static OptionalLong closeChecksum(ByteBuf block) {
        OptionalLong checksum = OptionalLong.empty();
        while (block.readableBytes() >= 8) {
            int length = block.readInt();
            if (length < 4 || length > block.readableBytes()) {
                break;
            }
            ByteBuf sub = block.readSlice(length);
            int type = sub.readInt();
            if (type == 1 && sub.readableBytes() >= 8 && sub.readInt() == 1) {
                checksum = OptionalLong.of(sub.readUnsignedInt());
            }
        }
        return checksum;
    }

    private static DataRequest readv(ByteBuf block) throws DcapProtocolException {
        int k = block.readInt();
        if (k < 0 || k > MAX_READV_RANGES || block.readableBytes() < 12L * k) {
            throw new DcapProtocolException("bad READV range count " + k);
        }
        List<DataRequest.Range> ranges = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            long offset = block.readLong();
            int length = block.readInt();
            if (offset < 0 || length < 0) {
                throw new DcapProtocolException("bad READV range " + offset + "+" + length);
            }
            ranges.add(new DataRequest.Range(offset, length));
        }
        return new DataRequest(DataRequest.READV, 0, 0, 0, ranges, OptionalLong.empty());
    }
}
