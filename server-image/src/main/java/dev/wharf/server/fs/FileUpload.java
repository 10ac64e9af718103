package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upload into the jail in progress. Data is written through {@link #channel()} starting at {@link #start()};
 * {@link #commit()} makes it visible, {@link #abort()} leaves the target as it was (REPLACE: the
 * temporary is deleted; APPEND/RESUME: the original length is restored). Exactly one of the two must
 * be called; {@link #close()} aborts when neither was.
 */
public final class FileUpload implements Upload {

    private static final Logger LOG = LoggerFactory.getLogger(FileUpload.class);

    private final String virtualPath;
    /** The directory the temporary was created in and the commit renames in; null when in place. */
    private final Descriptor directory;
    private final String target;
    private final String temporary;
    private final FileChannel channel;
    /** The same file as {@link #channel}, opened by the jail itself (null with a test's channel opener). */
    private Descriptor file;
    private final UploadMode mode;
    private final long start;
    private final long originalLength;
    private final boolean overwrite;
    private boolean finished;
    private boolean replacesExisting;
    private Runnable afterCommit = () -> {};

    FileUpload(String virtualPath, Descriptor directory, String target, String temporary, FileChannel channel,
           UploadMode mode, long start, long originalLength, boolean overwrite) {
        this.virtualPath = virtualPath;
        this.directory = directory;
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.mode = mode;
        this.start = start;
        this.originalLength = originalLength;
        this.overwrite = overwrite;
    }

    @Override
    public FileChannel channel() {
        return channel;
    }

    /** The file offset the first received byte goes to. */
    @Override
    public long start() {
        return start;
    }

    @Override
    public String path() {
        return virtualPath;
    }

    /** Whether the target existed when the upload was opened (dCap refuses read-write opens of those). */
    @Override
    public boolean replacesExisting() {
        return replacesExisting;
    }

    FileUpload through(Descriptor descriptor) {
        this.file = descriptor;
        return this;
    }

    @Override
    public int descriptor() {
        return file == null ? -1 : file.fd();
    }

    FileUpload replacing(boolean existed) {
        this.replacesExisting = existed;
        return this;
    }

    /** Runs after a successful commit (GuardedStorage records the new file's owner). */
    void afterCommit(Runnable action) {
        this.afterCommit = action;
    }

    @Override
    public UploadMode mode() {
        return mode;
    }

    /** Makes the new content visible under the target name. */
    @Override
    public synchronized void commit(long bytesWritten) throws StorageException {
        if (finished) {
            throw new IllegalStateException("upload already finished");
        }
        finished = true;
        try {
            if (mode == UploadMode.RESUME) {
                channel.truncate(start + bytesWritten);
            }
            channel.close();
            closeDescriptor();
            if (temporary != null) {
                if (UploadFence.refuses(directory, target)) {
                    throw new StorageException(StorageException.Reason.DENIED, virtualPath
                            + ": the put this upload belongs to was aborted");
                }
                Renames.rename(directory, temporary, directory, target, overwrite, virtualPath);
                directory.close();
            }
        } catch (IOException e) {
            discard();
            throw StorageException.from(e, virtualPath);
        }
        afterCommit.run();
    }

    /** Leaves no trace of this upload under the target name. Safe to call more than once. */
    @Override
    public synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        discard();
    }

    private void closeDescriptor() {
        if (file != null) {
            file.close();
        }
    }

    private void discard() {
        closeDescriptor();
        try {
            if (temporary != null) {
                try {
                    channel.close();
                    Files.deleteIfExists(directory.child(temporary));
                } finally {
                    directory.close();
                }
            } else if (channel.isOpen()) {
                if (channel.size() > originalLength) {
                    channel.truncate(originalLength);
                }
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("could not roll back the upload of {}: {}", virtualPath, e.toString());
        }
    }
}
