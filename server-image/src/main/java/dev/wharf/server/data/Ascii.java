package dev.wharf.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** TYPE A line-ending conversion, as pure functions over buffers. */
public final class Ascii {

    private Ascii() {}

    /** Every LF becomes CRLF (the file side is Unix text). Does not release {@code in}. */
    public static ByteBuf toNetwork(ByteBuf in, ByteBufAllocator alloc) {
        int n = in.readableBytes();
        ByteBuf out = alloc.buffer(n + n / 16 + 16);
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
            byte b = in.getByte(i);
            if (b == '\n') {
                out.writeByte('\r');
            }
            out.writeByte(b);
        }
        return out;
    }

    /**
     * CRLF becomes LF on upload. A CR at the end of a buffer is held back until the next buffer shows
     * whether an LF follows; {@link #finish()} emits it when the stream ends.
     */
    public static final class ToUnix {
        private boolean pendingCr;

        public ByteBuf convert(ByteBuf in, ByteBufAllocator alloc) {
            ByteBuf out = alloc.buffer(in.readableBytes() + 1);
            for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
                byte b = in.getByte(i);
                if (pendingCr) {
                    pendingCr = false;
                    if (b != '\n') {
                        out.writeByte('\r');
                    }
                }
                if (b == '\r') {
                    pendingCr = true;
                } else {
                    out.writeByte(b);
                }
            }
            return out;
        }

        /** The CR held back at the end, if any. */
        public boolean finish() {
            boolean cr = pendingCr;
            pendingCr = false;
            return cr;
        }
    }
}
