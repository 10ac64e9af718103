package dev.wharf.server.dcap;

import dev.wharf.server.fs.Upload;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.Adler32;

/**
 * Writes the blocks of one dCap upload into its temporary file, where the client put them, and keeps
 * what CLOSE needs: the first write error (later blocks are dropped, nothing is committed) and the
 * ADLER32 of the data while it was written sequentially from offset 0 (libdcap only sends a checksum
 * then). Blocks are copied into the page cache on the data channel's event loop (like the FTP door's
 * {@code FileReceiver}: a slow disk pushes back on the client through TCP, and the FIN that follows
 * reports the true outcome), the checksum runs beside it on a {@link ChecksumLane}: dccp waits for the
 * FIN of every buffer before it reads the next one from its source, so all the event loop does after
 * a buffer's last byte stalls the client, while the lane uses the CPU the waiting client leaves.
 */
final class UploadWriter {

    private final Upload upload;
    private final ChecksumLane lane;
    private final Adler32 adler = new Adler32(); // lane only
    // event loop only
    private IOException error;
    private long sequentialEnd;
    private boolean sequential = true;

    UploadWriter(Upload upload, ChecksumLane lane) {
        this.upload = upload;
        this.lane = lane;
    }

    /**
     * Writes {@code chunk} at file offset {@code at} (relative to the upload's start) and takes
     * ownership of it: the copy into the page cache happens here, the checksum later on the lane.
     */
    void write(ByteBuf chunk, long at) {
        int count = chunk.readableBytes();
        if (at != sequentialEnd) {
            sequential = false;
        }
        sequentialEnd = at + count;
        if (error == null) {
            try {
                FileChannel file = upload.channel();
                long offset = upload.start() + at;
                int done = 0;
                while (done < count) {
                    done += chunk.getBytes(chunk.readerIndex() + done, file, offset + done, count - done);
                }
            } catch (IOException e) {
                error = e;
            }
        }
        if (!sequential || error != null) {
            chunk.release();
            return;
        }
        lane.submit(count, () -> {
            try {
                for (ByteBuffer part : chunk.nioBuffers()) {
                    adler.update(part);
                }
            } finally {
                chunk.release();
            }
        });
    }

    /** Whether every block so far was written right after the one before, from offset 0. */
    boolean sequential() {
        return sequential;
    }

    /** Runs {@code then} on the event loop once the checksum covers every block written so far. */
    void whenChecksummed(Runnable then) {
        lane.afterQueued(then);
    }

    /** Runs blocking {@code work} (commit, removal) on the lane, after the checksum work queued so far. */
    void lastly(Runnable work) {
        lane.lastly(work);
    }

    /** The first write that failed, or null. */
    IOException error() {
        return error;
    }

    /** The ADLER32 of what was written; final once {@link #whenChecksummed} ran, meaningful when {@link #sequential()}. */
    long adler32() {
        return adler.getValue();
    }
}
