package dev.wharf.server.dcap;

import dev.wharf.server.fs.Upload;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.zip.Adler32;

/**
 * Writes the blocks of one dCap upload into its temporary file, where the client put them, and keeps
 * what CLOSE needs: the first write error (later blocks are dropped, nothing is committed) and the
 * ADLER32 of the data while it was written sequentially from offset 0 (libdcap only sends a checksum
 * then). Runs on the data channel's event loop: like the FTP door's {@code FileReceiver}, writes land
 * in the page cache, and a slow disk pushes back on the client through TCP.
 */
final class UploadWriter {

    private final Upload upload;
    private final Adler32 adler = new Adler32();
    private long sequentialEnd;
    private boolean sequential = true;
    private IOException error;

    UploadWriter(Upload upload) {
        this.upload = upload;
    }

    /** Writes {@code chunk} at file offset {@code at} (relative to the upload's start) and releases it. */
    void write(ByteBuf chunk, long at) {
        try {
            int count = chunk.readableBytes();
            if (error != null) {
                return;
            }
            if (at != sequentialEnd) {
                sequential = false;
            }
            sequentialEnd = at + count;
            FileChannel file = upload.channel();
            long offset = upload.start() + at;
            int done = 0;
            while (done < count) {
                done += chunk.getBytes(chunk.readerIndex() + done, file, offset + done, count - done);
            }
            if (sequential) {
                adler.update(chunk.nioBuffer());
            }
        } catch (IOException e) {
            error = e;
        } finally {
            chunk.release();
        }
    }

    /** The first write that failed, or null. */
    IOException error() {
        return error;
    }

    /** False only when the client's ADLER32 covers data we can vouch for and differs from ours. */
    boolean checksumMatches(long clientAdler32) {
        return !sequential || clientAdler32 == adler.getValue();
    }

    long adler32() {
        return adler.getValue();
    }
}
