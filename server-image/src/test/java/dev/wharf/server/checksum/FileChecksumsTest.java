package dev.wharf.server.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-file cache: an unchanged file is never read twice, a changed one always is. */
class FileChecksumsTest {

    private static final int SIZE = 4 * 1024 * 1024 + 17;

    @TempDir
    Path root;
    GuardedStorage storage;
    FileChecksums checksums;
    byte[] content;

    @BeforeEach
    void setUp() throws Exception {
        storage = new GuardedStorage(new Jail(root), AccessPolicy.ALLOW_ALL,
                new SessionStorage.Login("ftp", Identity.passwordUser("jane", Set.of()), false, true), ServerMetrics.NONE, null);
        checksums = new FileChecksums();
        content = new byte[SIZE];
        new Random(18).nextBytes(content);
        Files.write(root.resolve("big"), content);
    }

    private String md5(String path) throws Exception {
        FileEntry entry = storage.statForRead(path);
        return checksums.compute(storage, path, entry, ChecksumAlgorithm.MD5, 0, entry.size());
    }

    private static String md5Of(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void aSecondChecksumOfAnUnchangedFileReadsNothing() throws Exception {
        assertEquals(md5Of(content), md5("/big"));
        assertEquals(SIZE, checksums.bytesRead());
        assertEquals(md5Of(content), md5("/big"));
        assertEquals(SIZE, checksums.bytesRead(), "the second request is answered from the cache");
    }

    @Test
    void aRewriteInPlaceWithTheSameSizeIsReadAgain() throws Exception {
        md5("/big");
        FileTime before = Files.getLastModifiedTime(root.resolve("big"));
        content[1000] ^= 1;
        Files.write(root.resolve("big"), content, StandardOpenOption.WRITE); // same inode, same size
        Files.setLastModifiedTime(root.resolve("big"), FileTime.fromMillis(before.toMillis() + 1000));
        assertEquals(md5Of(content), md5("/big"));
        assertEquals(2L * SIZE, checksums.bytesRead());
    }

    @Test
    void aReplaceByRenameWithTheSameSizeAndTimeIsReadAgain() throws Exception {
        String first = md5("/big");
        FileTime time = Files.getLastModifiedTime(root.resolve("big"));
        content[5] ^= 1;
        Path other = Files.write(root.resolve("other"), content);
        Files.setLastModifiedTime(other, time); // only the inode tells them apart
        Files.move(other, root.resolve("big"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String second = md5("/big");
        assertNotEquals(first, second);
        assertEquals(md5Of(content), second);
    }

    @Test
    void anAppendIsReadAgain() throws Exception {
        md5("/big");
        Files.write(root.resolve("big"), new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        byte[] longer = Files.readAllBytes(root.resolve("big"));
        assertEquals(md5Of(longer), md5("/big"));
    }

    @Test
    void rangesAndAlgorithmsAreCachedSeparately() throws Exception {
        FileEntry entry = storage.statForRead("/big");
        String whole = checksums.compute(storage, "/big", entry, ChecksumAlgorithm.ADLER32, 0, SIZE);
        String part = checksums.compute(storage, "/big", entry, ChecksumAlgorithm.ADLER32, 10, 100);
        String crc = checksums.compute(storage, "/big", entry, ChecksumAlgorithm.CRC32, 0, SIZE);
        assertNotEquals(whole, part);
        assertNotEquals(whole, crc);
        assertEquals(2L * SIZE + 100, checksums.bytesRead());
    }

    /** globus-url-copy -sync from many clients asks for the same large file at once: it is read once. */
    @Test
    void concurrentRequestsForTheSameRangeComputeItOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        FileChecksums shared = new FileChecksums(16, (s, path, algorithm, offset, length) -> {
            reads.incrementAndGet();
            entered.countDown();
            awaitQuietly(release);
            return "cafe0001";
        });
        FileEntry entry = storage.statForRead("/big");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> shared.compute(storage, "/big", entry, ChecksumAlgorithm.ADLER32, 0, SIZE));
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            Future<String> second = pool.submit(() -> shared.compute(storage, "/big", entry, ChecksumAlgorithm.ADLER32, 0, SIZE));
            Thread.sleep(300); // the second request is waiting now (or, without the in-flight map, reading)
            release.countDown();
            assertEquals("cafe0001", first.get(10, TimeUnit.SECONDS));
            assertEquals("cafe0001", second.get(10, TimeUnit.SECONDS));
            assertEquals(1, reads.get(), "the second request waited for the first one's value");
            assertEquals(SIZE, shared.bytesRead());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theCacheIsBounded() throws Exception {
        FileChecksums small = new FileChecksums(2);
        for (String name : new String[] {"a", "b", "c"}) {
            Files.writeString(root.resolve(name), name);
        }
        for (String name : new String[] {"/a", "/b", "/c", "/a"}) {
            FileEntry e = storage.statForRead(name);
            small.compute(storage, name, e, ChecksumAlgorithm.MD5, 0, e.size());
        }
        assertEquals(4, small.bytesRead(), "/a was evicted by /c and read again");
    }
}
