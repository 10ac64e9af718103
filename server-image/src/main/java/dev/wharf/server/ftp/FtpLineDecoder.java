package dev.wharf.server.ftp;

import io.netty.handler.codec.LineBasedFrameDecoder;

/**
 * Control lines up to {@link FtpSettings#MAX_LINE} bytes, CRLF or bare LF. An over-long line raises a
 * TooLongFrameException at once and the rest of it is discarded up to the next line end, so the
 * connection keeps working and nothing is buffered without bound.
 */
public final class FtpLineDecoder extends LineBasedFrameDecoder {

    public FtpLineDecoder(int maxLength) {
        super(maxLength, true, true);
    }

    /** Bytes received but not yet decoded into a line (used to refuse plaintext pipelined after AUTH). */
    public int buffered() {
        return actualReadableBytes();
    }
}
