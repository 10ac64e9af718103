package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;
import dev.wharf.server.fs.StorageException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** errno from the jail's own calls, as a {@link StorageException} a door can map to a reply. */
final class Errno {

    private static final Logger LOG = LoggerFactory.getLogger(Jail.class);

    private Errno() {}

    static StorageException failure(LastErrorException e, String path) {
        return switch (e.getErrorCode()) {
            case FsCalls.ENOENT -> new StorageException(Reason.NOT_FOUND, path + ": no such file or directory", e);
            case FsCalls.ENOTDIR -> new StorageException(Reason.NOT_DIRECTORY, path + ": not a directory", e);
            case FsCalls.EEXIST -> new StorageException(Reason.EXISTS, path + ": already exists", e);
            case FsCalls.EXDEV, FsCalls.ELOOP -> refused(path, "a symbolic link leading out of the root, or absolute");
            case 1, 13 -> new StorageException(Reason.PERMISSION, path + ": permission denied", e); // EPERM, EACCES
            case 28, 122 -> new StorageException(Reason.NO_SPACE, path + ": no space left on device", e); // ENOSPC, EDQUOT
            case 30 -> new StorageException(Reason.READ_ONLY, path + ": the storage is read-only", e); // EROFS
            default -> new StorageException(Reason.IO, path + ": errno " + e.getErrorCode(), e);
        };
    }

    static StorageException refused(String path, String why) {
        LOG.warn("refused path {}: {}", path, why);
        return new StorageException(Reason.REFUSED, path + ": not allowed (" + why + ")");
    }
}
