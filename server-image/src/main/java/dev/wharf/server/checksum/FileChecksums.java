package dev.wharf.server.checksum;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checksums of file ranges for CKSM and HASH on every FTP-family door, cached per file and range so a
 * second request for an unchanged large file costs a stat, not a read of the file. Blocking: callers run
 * on a session's executor (FTP commands do), never on an event loop. One instance per server, shared
 * by its doors.
 */
public final class FileChecksums {

    /** Entries are ~200 bytes: the default bounds the cache to about a megabyte. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final ChecksumCache cache;
    private final AtomicLong bytesRead = new AtomicLong();

    public FileChecksums() {
        this(DEFAULT_CAPACITY);
    }

    public FileChecksums(int capacity) {
        this.cache = new ChecksumCache(capacity);
    }

    /**
     * The printed value of {@code algorithm} over {@code length} bytes of {@code path} from {@code offset}.
     *
     * @param entry what the caller's stat (with its access check) saw of {@code path}; a plain file, and
     *              the range within it
     */
    public String compute(GuardedStorage storage, String path, FileEntry entry, ChecksumAlgorithm algorithm,
                          long offset, long length) throws StorageException, IOException {
        ChecksumCache.Key key = new ChecksumCache.Key(storage.jail().root() + "\0" + path, algorithm, offset, length);
        // the stamp is taken before reading: if the file changes while it is read, the next request sees a
        // different stamp and reads it again
        ChecksumCache.Stamp stamp = new ChecksumCache.Stamp(entry.size(), entry.modified(), entry.inode());
        String cached = cache.get(key, stamp);
        if (cached != null) {
            return cached;
        }
        String value;
        try (FileChannel channel = storage.openRead(path)) {
            value = RangeReader.compute(algorithm, channel, offset, length);
        }
        bytesRead.addAndGet(length);
        cache.put(key, stamp, value);
        return value;
    }

    /** Bytes read to compute values so far: what a cache hit does not add to. */
    public long bytesRead() {
        return bytesRead.get();
    }
}
