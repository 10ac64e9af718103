package dev.wharf.server.fs;

import java.io.Closeable;
import java.nio.channels.FileChannel;

/**
 * One upload in progress. Data is written through {@link #channel()} starting at {@link #start()};
 * {@link #commit} makes it visible, {@link #abort()} leaves the target as it was (REPLACE: nothing
 * new is visible; APPEND/RESUME: the original length is restored). Exactly one of the two must be
 * called; {@link #close()} aborts when neither was.
 */
public interface Upload extends Closeable {

    FileChannel channel();

    /** The file offset the first received byte goes to. */
    long start();

    /**
     * A descriptor of the file being written, for {@code splice(2)}; -1 when there is none (a storage that
     * is not a real file). It belongs to the upload and is closed by {@link #commit} or {@link #abort()}, so
     * whoever writes through it on another thread takes a duplicate of its own first.
     */
    default int descriptor() {
        return -1;
    }

    /** The jail path being written. */
    String path();

    UploadMode mode();

    /** Whether the target existed when the upload was opened (dCap refuses read-write opens of those). */
    boolean replacesExisting();

    /** Makes the new content visible under the target name. */
    void commit(long bytesWritten) throws StorageException;

    /** Leaves no trace of this upload under the target name. Safe to call more than once. */
    void abort();

    @Override
    default void close() {
        abort();
    }
}
