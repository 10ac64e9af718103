package dev.wharf.server.fs;

import dev.wharf.server.fs.StorageException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** How {@link Jail#openUpload} opens its file: everything relative to the target's directory descriptor. */
final class Uploads {

    /** Links followed from one upload target to another before giving up, as ELOOP would. */
    private static final int MAX_REDIRECTS = 8;

    private Uploads() {}

    static FileUpload open(Jail jail, String path, UploadMode mode, long offset, boolean overwrite,
                       FileChannelOpener opener, int redirects) throws StorageException {
        Descriptor parent = jail.parentOf(path);
        boolean handedOver = false;
        try {
            String name = VirtualPaths.name(path);
            BasicFileAttributes existing = Jail.attributes(parent.child(name), path);
            if (existing != null && existing.isSymbolicLink()) {
                // Write where the link leads while that stays beneath the root (dangling: refused).
                if (redirects >= MAX_REDIRECTS) {
                    throw Errno.refused(path, "too many symbolic links");
                }
                String real = realTarget(jail, path);
                return open(jail, real, mode, offset, overwrite, opener, redirects + 1);
            }
            if (existing != null && existing.isDirectory()) {
                throw new StorageException(Reason.IS_DIRECTORY, path + ": is a directory");
            }
            if (existing != null && !overwrite) {
                throw new StorageException(Reason.EXISTS, path + ": already exists and overwriting is disabled");
            }
            if (mode == UploadMode.REPLACE) {
                String temporary = HiddenNames.UPLOAD_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong());
                // READ too: dCap's read-write opens read back what they wrote before the commit.
                // O_CREAT|O_EXCL (CREATE_NEW): never follows a link, never reuses a name.
                Descriptor file = opener == FileChannelOpener.DEFAULT
                        ? create(parent, temporary, FsCalls.O_RDWR | FsCalls.O_CREAT | FsCalls.O_EXCL, path) : null;
                FileChannel channel;
                try {
                    channel = file != null ? reopen(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                            : opener.open(parent.child(temporary), Set.of(StandardOpenOption.READ,
                            StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS));
                } catch (IOException e) {
                    if (file != null) { // created, but no channel: leave no temporary behind
                        java.nio.file.Files.deleteIfExists(parent.child(temporary));
                    }
                    throw e;
                }
                handedOver = true;
                return new FileUpload(path, parent, name, temporary, channel, mode, 0, 0, overwrite)
                        .replacing(existing != null).through(file);
            }
            Descriptor file = opener == FileChannelOpener.DEFAULT
                    ? create(parent, name, FsCalls.O_WRONLY | FsCalls.O_CREAT, path) : null;
            FileChannel channel = file != null ? reopen(file, StandardOpenOption.WRITE)
                    : opener.open(parent.child(name), Set.of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS));
            long length = channel.size();
            long start = mode == UploadMode.APPEND ? length : offset;
            if (start > length) {
                channel.close();
                if (file != null) {
                    file.close();
                }
                throw new StorageException(Reason.IO, path + ": restart offset " + offset + " is beyond the end (" + length + ")");
            }
            return new FileUpload(path, null, name, null, channel, mode, start, length, overwrite)
                    .replacing(existing != null).through(file);
        } catch (IOException e) {
            throw StorageException.from(e, path);
        } finally {
            if (!handedOver) {
                parent.close();
            }
        }
    }

    /**
     * Opens (creating) {@code name} in {@code parent} with the jail's own call, never following a link, so
     * the upload holds a plain descriptor that {@code splice(2)} can write to.
     */
    private static Descriptor create(Descriptor parent, String name, int flags, String path) throws StorageException {
        try {
            return new Descriptor(FsCalls.openat(parent.fd(), name, flags | FsCalls.O_NOFOLLOW | FsCalls.O_CLOEXEC, 0666));
        } catch (com.sun.jna.LastErrorException e) {
            throw Errno.failure(e, path);
        }
    }

    /** A channel on the very file {@code file} refers to (its /proc/self/fd link names that inode). */
    private static FileChannel reopen(Descriptor file, StandardOpenOption... options) throws IOException {
        try {
            return FileChannel.open(file.path(), options);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static String realTarget(Jail jail, String path) throws StorageException {
        try {
            return jail.realPath(path);
        } catch (StorageException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                throw Errno.refused(path, "a symbolic link that leads nowhere");
            }
            throw e;
        }
    }
}
