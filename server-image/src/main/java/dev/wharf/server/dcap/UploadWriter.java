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
 * then).
 *
 * <p>Both run on an {@link UploadLane} behind the event loop, which meanwhile reads the rest of the
 * WRITE (write-behind: the copy into the page cache overlaps the copy out of the socket). The FIN
 * still vouches for its buffer: {@link #afterWrites} hands it over only once every block before it is
 * written, and the checksum of the last block waits until then, so it runs while dccp, which waits for
 * each FIN before it reads its next buffer, prepares the next WRITE.
 */
final class UploadWriter {

    private final Upload upload;
    private final UploadLane lane;
    // lane only
    private final Adler32 adler = new Adler32();
    /** The last block written, its checksum still to do (held so the next write or FIN goes first). */
    private ByteBuf unsummed;
    /** Set on the lane; read on the event loop only behind a lane hand-off ({@link #afterWrites}, CLOSE). */
    private volatile IOException error;
    // event loop only
    private long sequentialEnd;
    private boolean sequential = true;

    UploadWriter(Upload upload, UploadLane lane) {
        this.upload = upload;
        this.lane = lane;
    }

    /** Queues {@code chunk} for file offset {@code at} (relative to the upload's start) and takes ownership of it. */
    void write(ByteBuf chunk, long at) {
        int count = chunk.readableBytes();
        if (at != sequentialEnd) {
            sequential = false;
        }
        sequentialEnd = at + count;
        boolean summed = sequential;
        lane.submit(count, () -> {
            try {
                writeOut(chunk, at, count);
            } finally {
                sumUnsummed();
                if (summed && error == null) {
                    unsummed = chunk;
                } else {
                    chunk.release();
                }
            }
        });
    }

    private void writeOut(ByteBuf chunk, long at, int count) {
        if (error != null) {
            return;
        }
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

    private void sumUnsummed() {
        ByteBuf chunk = unsummed;
        if (chunk == null) {
            return;
        }
        unsummed = null;
        try {
            for (ByteBuffer part : chunk.nioBuffers()) {
                adler.update(part);
            }
        } finally {
            chunk.release();
        }
    }

    /** Runs {@code then} on the event loop once every block queued so far is written (or failed: {@link #error}). */
    void afterWrites(Runnable then) {
        lane.afterQueued(then, this::sumUnsummed);
    }

    /** Whether every block so far was written right after the one before, from offset 0. */
    boolean sequential() {
        return sequential;
    }

    /** Runs {@code then} on the event loop once every block written so far is also checksummed. */
    void whenChecksummed(Runnable then) {
        lane.lastly(this::sumUnsummed);
        lane.afterQueued(then);
    }

    /** Runs blocking {@code work} (commit, removal) on the lane, after everything queued so far. */
    void lastly(Runnable work) {
        lane.lastly(() -> {
            sumUnsummed();
            work.run();
        });
    }

    /** The first write that failed, or null; final for the blocks before a hand-off that ran. */
    IOException error() {
        return error;
    }

    /** The ADLER32 of what was written; final once {@link #whenChecksummed} ran, meaningful when {@link #sequential()}. */
    long adler32() {
        return adler.getValue();
    }
}
