package dev.wharf.server.fs;

import java.io.IOException;

/**
 * Why a storage operation failed, as a value commands can map to a reply code (a door never has to
 * parse an exception message). {@link Reason#REFUSED} covers every path the jail will not touch:
 * {@code ..} above the root, NUL bytes, over-long names, symlinks leaving the root, hidden names.
 */
public final class StorageException extends IOException {

    public enum Reason {
        NOT_FOUND, EXISTS, NOT_DIRECTORY, IS_DIRECTORY, NOT_EMPTY, PERMISSION, DENIED, READ_ONLY,
        NO_SPACE, REFUSED, IO
    }

    private final Reason reason;

    public StorageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Classifies an I/O failure from java.nio.file into a reason. */
    public static StorageException from(IOException e, String path) {
        if (e instanceof StorageException se) {
            return se;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return new StorageException(Reason.NOT_FOUND, path + ": no such file or directory", e);
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return new StorageException(Reason.EXISTS, path + ": already exists", e);
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return new StorageException(Reason.NOT_DIRECTORY, path + ": not a directory", e);
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return new StorageException(Reason.NOT_EMPTY, path + ": directory not empty", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new StorageException(Reason.PERMISSION, path + ": permission denied", e);
        }
        if (isNoSpace(e)) {
            return new StorageException(Reason.NO_SPACE, path + ": no space left on device", e);
        }
        if (messageSays(e, "Read-only file system")) { // EROFS: the storage was remounted read-only
            return new StorageException(Reason.READ_ONLY, path + ": the storage is read-only", e);
        }
        return new StorageException(Reason.IO, path + ": " + e.getMessage(), e);
    }

    /** The JDK reports ENOSPC/EDQUOT only through the message text. */
    public static boolean isNoSpace(Throwable e) {
        return messageSays(e, "No space left on device") || messageSays(e, "Disk quota exceeded");
    }

    private static boolean messageSays(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
