package dev.wharf.server.acl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replaces a directory's {@code .grid-acl} atomically: the content goes to a temporary file in the
 * same directory (a protected name), is forced to disk, then renamed over the ACL file. Readers see
 * the old file or the new one, never half of either. Every write is counted ({@link #changes()}), so
 * policies in this process see the change on their next check whatever their cache interval.
 */
public final class AclFileWriter {
    private AclFileWriter() {}

    /** Counts ACL files written or deleted by this process; policies drop cached lookups when it moves. */
    private static final AtomicInteger CHANGES = new AtomicInteger();

    public static int changes() {
        return CHANGES.get();
    }

    public static Path aclFile(Path directory) {
        return directory.resolve(AclFiles.ACL_FILE);
    }

    /** Writes {@code content} as {@code directory/.grid-acl}, replacing any previous file atomically. */
    public static void write(Path directory, String content) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + " is not a directory");
        }
        Path temp = directory.resolve(AclFiles.ACL_FILE + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, aclFile(directory), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                CHANGES.incrementAndGet();
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("file system of " + directory + " cannot rename atomically; ACL left unchanged", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes {@code directory/.grid-acl}; true when there was one. */
    public static boolean delete(Path directory) throws IOException {
        boolean deleted = Files.deleteIfExists(aclFile(directory));
        CHANGES.incrementAndGet();
        return deleted;
    }
}
