package dev.wharf.server.checksum;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checksums of file ranges for CKSM and HASH on every FTP-family door, cached per file and range so a
 * second request for an unchanged large file costs a stat, not a read of the file. Blocking: callers run
 * on a session's executor (FTP commands do), never on an event loop. One instance per server, shared
 * by its doors. Concurrent requests for the same range of the same unchanged file compute it once.
 */
public final class FileChecksums {

    /** Entries are ~200 bytes: the default bounds the cache to about a megabyte. */
    public static final int DEFAULT_CAPACITY = 4096;

    /** Computes one value from the file (the default opens it through the session's storage). */
    @FunctionalInterface
    interface Reader {
        String read(Storage storage, String path, ChecksumAlgorithm algorithm, long offset, long length)
                throws StorageException, IOException;
    }

    private record Flight(ChecksumCache.Key key, ChecksumCache.Stamp stamp) {}

    private final ChecksumCache cache;
    private final Reader reader;
    private final AtomicLong bytesRead = new AtomicLong();
    /** Values being computed: a second request for the same range of the same file waits for the first. */
    private final ConcurrentHashMap<Flight, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    public FileChecksums() {
        this(DEFAULT_CAPACITY);
    }

    public FileChecksums(int capacity) {
        this(capacity, FileChecksums::readFile);
    }

    FileChecksums(int capacity, Reader reader) {
        this.cache = new ChecksumCache(capacity);
        this.reader = reader;
    }

    /**
     * The printed value of {@code algorithm} over {@code length} bytes of {@code path} from {@code offset}.
     *
     * @param entry what the caller's stat (with its access check) saw of {@code path}; a plain file, and
     *              the range within it
     */
    public String compute(Storage storage, String path, FileEntry entry, ChecksumAlgorithm algorithm,
                          long offset, long length) throws StorageException, IOException {
        ChecksumCache.Key key = new ChecksumCache.Key(storage.aclRoot() + "\0" + path, algorithm, offset, length);
        // the stamp is taken before reading: if the file changes while it is read, the next request sees a
        // different stamp and reads it again
        ChecksumCache.Stamp stamp = new ChecksumCache.Stamp(entry.size(), entry.modified(), entry.inode());
        String cached = cache.get(key, stamp);
        if (cached != null) {
            return cached;
        }
        Flight flight = new Flight(key, stamp);
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> running = inFlight.putIfAbsent(flight, mine);
        if (running != null) {
            return await(running);
        }
        try {
            String value = reader.read(storage, path, algorithm, offset, length);
            bytesRead.addAndGet(length);
            cache.put(key, stamp, value);
            mine.complete(value);
            return value;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(flight, mine);
        }
    }

    /** Bytes read to compute values so far: what a cache hit (or a wait for the same computation) does not add to. */
    public long bytesRead() {
        return bytesRead.get();
    }

    private static String readFile(Storage storage, String path, ChecksumAlgorithm algorithm, long offset,
                                   long length) throws StorageException, IOException {
        try (FileChannel channel = storage.openRead(path)) {
            return RangeReader.compute(algorithm, channel, offset, length);
        }
    }

    /** The other request's value, or its failure as this request's. */
    private static String await(CompletableFuture<String> running) throws StorageException, IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the same checksum");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) { // StorageException too
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
