package dev.wharf.server.gridftp.dcau;

import io.netty.buffer.ByteBuf;

/**
 * Where one GSI handshake token ends in a data channel's byte stream. Globus sends the TLS records bare
 * (GSS mechanism tokens, no framing) unless its XIO "wrap tokens" mode is on, where each token carries a
 * 4-byte big-endian length first; like Globus's own reader we tell the two apart by the first bytes (a TLS
 * record starts with content type 20..24 and major version 3).
 */
final class GsiTokens {

    /** Refuses absurd framed lengths (Globus's own limit is 32 MiB). */
    static final int MAX_TOKEN = 32 * 1024 * 1024;
    private static final int TLS_HEADER = 5;
    private static final int FRAME_HEADER = 4;

    private GsiTokens() {}

    /** True when the bytes at the reader index start a bare TLS record. */
    static boolean isTlsRecord(ByteBuf in) {
        if (in.readableBytes() < 2) {
            return true; // undecided yet; callers wait for more bytes anyway
        }
        int type = in.getUnsignedByte(in.readerIndex());
        int major = in.getUnsignedByte(in.readerIndex() + 1);
        return type >= 20 && type <= 24 && major == 3;
    }

    /**
     * The length in bytes of the complete token at the reader index including its header, or -1 while it is
     * incomplete.
     *
     * @throws IllegalArgumentException for a framed length beyond {@link #MAX_TOKEN}
     */
    static int completeLength(ByteBuf in) {
        int r = in.readerIndex();
        if (in.readableBytes() < TLS_HEADER) {
            return -1;
        }
        long total;
        if (isTlsRecord(in)) {
            total = TLS_HEADER + (long) in.getUnsignedShort(r + 3);
        } else {
            long framed = in.getUnsignedInt(r);
            if (framed > MAX_TOKEN) {
                throw new IllegalArgumentException("not a GSI token: neither a TLS record nor a sane length (" + framed + ")");
            }
            total = FRAME_HEADER + framed;
        }
        return in.readableBytes() >= total ? (int) total : -1;
    }

    /** The token's payload: the record itself, or what follows a 4-byte length. */
    static byte[] payload(ByteBuf token, boolean framed) {
        if (framed) {
            token.skipBytes(FRAME_HEADER);
        }
        byte[] out = new byte[token.readableBytes()];
        token.readBytes(out);
        return out;
    }
}
