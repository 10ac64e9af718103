package dev.wharf.server.acl;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The stat facts that tell whether a file changed since it was parsed: modification time (ns),
 * size and file key (device + inode, so an atomic replace by rename is seen even within one tick).
 */
record FileStamp(long modifiedNanos, long size, Object fileKey, boolean regularFile) {

    static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size(),
                attributes.fileKey(), attributes.isRegularFile());
    }

    boolean sameAs(FileStamp other) {
        return other != null && modifiedNanos == other.modifiedNanos && size == other.size
                && regularFile == other.regularFile && Objects.equals(fileKey, other.fileKey);
    }
}
