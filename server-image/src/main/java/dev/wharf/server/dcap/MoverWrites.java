package dev.wharf.server.dcap;

import dev.wharf.server.data.LargeReads;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.net.SerialExecutor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The write side of a {@link DcapMover}: the upload's temporary, its {@link UploadWriter}, the bound
 * on holes, the FIN of each write, and at the end the commit or the removal. The mover keeps the
 * position and decides when the transfer ends.
 */
final class MoverWrites {

    /** Written bytes of an upload allowed to wait for the checksum before the channel stops reading. */
    private static final long CHECKSUM_BACKLOG = 64L << 20;

    private final Upload upload;
    private final Executor blocking;
    private UploadWriter writer;
    /** Bytes the client sent into the upload, and how far beyond them a seek may go (holes). */
    private long written;
    private long maxHole = Long.MAX_VALUE;
    private int writeCommand;

    MoverWrites(Upload upload, Executor blocking) {
        this.upload = upload;
        this.blocking = blocking;
    }

    Upload upload() {
        return upload;
    }

    void start(Channel ch) {
        writer = new UploadWriter(upload, new ChecksumLane(new SerialExecutor(blocking), ch, CHECKSUM_BACKLOG));
        LargeReads.apply(ch); // dccp sends each buffer (1 MiB by default) in one go
    }

    void limitHoles(long bytes) {
        maxHole = bytes;
    }

    /** The error message when a seek to {@code target} would leave too much unwritten, else null. */
    String holeTooLarge(long target) {
        return target - written > maxHole
                ? "seek to " + target + " would leave more than " + maxHole + " bytes unwritten (dcap.anonymous-max-hole)"
                : null;
    }

    /** A WRITE or SEEK_AND_WRITE was accepted: its FIN follows the data. */
    void begin(int opcode) {
        writeCommand = opcode;
    }

    void write(ByteBuf chunk, long at) {
        written += chunk.readableBytes();
        writer.write(chunk, at);
    }

    /**
     * FIN follows the write of the last block, so it reports the write's true outcome: the data is in
     * the page cache (as far as the FTP door's uploads get before their reply). A failed write also
     * fails the CLOSE, so the upload is never committed with a hole.
     */
    void dataEnd(Channel ch) {
        IOException failure = writer.error();
        if (failure == null) {
            ch.writeAndFlush(DataReplies.fin(ch.alloc(), writeCommand));
        } else {
            boolean full = StorageException.isNoSpace(failure);
            ch.writeAndFlush(DataReplies.error(ch.alloc(), true, writeCommand,
                    full ? DataReplies.ERROR_RESOURCE : DataReplies.ERROR_IO_DISK, failure.getMessage()));
        }
    }

    /** Runs {@code then} once every written block is checksummed. */
    void whenChecksummed(Runnable then) {
        writer.whenChecksummed(then);
    }

    /** Why the upload may not be committed after CLOSE (carrying the client's ADLER32, if any), or null. */
    DcapFailure refusal(OptionalLong clientChecksum) {
        IOException writeError = writer.error();
        if (writeError != null) {
            return new DcapFailure(DcapFailure.INTERNAL, "write failed: " + writeError.getMessage(),
                    StorageException.isNoSpace(writeError) ? "ENOSPC" : "EIO");
        }
        if (clientChecksum.isPresent() && writer.sequential() && clientChecksum.getAsLong() != writer.adler32()) {
            return new DcapFailure(DcapFailure.INTERNAL, "ADLER32 mismatch: client "
                    + Long.toHexString(clientChecksum.getAsLong()) + ", server " + Long.toHexString(writer.adler32()), "EIO");
        }
        return null;
    }

    /** Makes the upload visible under its name, truncated to {@code length}; reports the outcome. */
    void commit(long length, Consumer<DcapFailure> outcome) {
        writer.lastly(() -> {
            try {
                upload.channel().truncate(upload.start() + length);
                upload.commit(length);
                outcome.accept(null);
            } catch (IOException | RuntimeException ex) {
                upload.abort();
                StorageException se = ex instanceof IOException io ? StorageException.from(io, upload.path()) : null;
                outcome.accept(se != null ? DcapFailure.of(se)
                        : new DcapFailure(DcapFailure.INTERNAL, "commit failed: " + ex, "EIO"));
            }
        });
    }

    /** Removes the temporary, behind the checksum work still holding received buffers; then reports. */
    void abort(DcapFailure failure, Consumer<DcapFailure> outcome) {
        Runnable removal = () -> {
            upload.abort();
            outcome.accept(failure);
        };
        if (writer != null) {
            writer.lastly(removal);
        } else {
            blocking.execute(removal);
        }
    }
}
