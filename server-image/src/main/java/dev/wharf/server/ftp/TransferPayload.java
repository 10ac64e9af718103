package dev.wharf.server.ftp;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What a transfer command asks to move, whatever the session's {@link TransferMode}: the mode turns it
 * into a sender or receiver and picks the data connections. Commands check, resolve and open; they never
 * decide how the bytes travel.
 */
public sealed interface TransferPayload {

    /** Releases what the payload holds when the transfer never starts. */
    void discard();

    /**
     * Bytes {@code [offset, offset+length)} of an open file (RETR from REST's offset, ERET's range).
     *
     * @param wireShift subtracted from file offsets where a mode numbers bytes on the wire (ERET: MODE E
     *                  block offsets count from its start)
     */
    record FileBytes(FileChannel file, long offset, long length, long wireShift) implements TransferPayload {
        @Override
        public void discard() {
            try {
                file.close();
            } catch (IOException ignored) {
                // read-only: nothing to lose
            }
        }
    }

    /** A rendered listing (LIST, NLST, MLSD). */
    record Listing(ByteBuf text) implements TransferPayload {
        @Override
        public void discard() {
            if (text.refCnt() > 0) {
                text.release();
            }
        }
    }

    /** An upload to {@code path}; the mode opens it, because where the bytes land depends on it. */
    record Store(String path, Placement placement, long offset) implements TransferPayload {
        @Override
        public void discard() {
            // nothing is open yet
        }
    }

    /** Where an upload's data goes. */
    enum Placement {
        /**
         * STOR, STOU: a new file replacing the old one atomically; from {@code offset} in place when REST
         * gave one (MODE S), or in place when REST named ranges the file already has (MODE E).
         */
        REPLACE,
        /** APPE: after the file's current end (MODE E block offsets count from there). */
        APPEND,
        /**
         * ESTO: in place at {@code offset} (MODE E block offsets count from there); an ALLO before it may
         * name the whole file, so a shorter stream upload is still complete.
         */
        PARTIAL
    }
}
