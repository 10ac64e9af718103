package dev.wharf.server.gridftp.modee;

import java.io.IOException;

/** A MODE E stream broke the protocol (malformed or hostile header, bad EOD/EOF accounting). */
public class BlockException extends IOException {

    public BlockException(String message) {
        super(message);
    }
}
