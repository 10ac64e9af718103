package dev.wharf.server.srm.transfer;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException.Reason;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;
import dev.wharf.server.srm.v22.TStatusCode;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a get or put asks of storage, through the session's {@link Storage} (so the ACLs and the jail
 * decide, as on every door): can the file be read, can it be written, did it arrive, and removing what
 * an unfinished put wrote. Failures are {@link Failure}s carrying the SRM status the file gets.
 */
final class SurlChecks {

    private static final Logger LOG = LoggerFactory.getLogger(SurlChecks.class);

    /** GFD.129 {@code TOverwriteMode}; absent means NEVER. */
    enum Overwrite { NEVER, ALWAYS, WHEN_FILES_ARE_DIFFERENT }

    static final class Failure extends Exception {
        final TStatusCode status;

        Failure(TStatusCode status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private SurlChecks() {}

    /** The SRM status a storage failure gives the file it concerns (the door's one mapping). */
    static Failure failure(StorageException e) {
        return new Failure(dev.wharf.server.srm.SrmStatus.code(e.reason()), e.getMessage());
    }

    /** A get: the path is a regular file the session may read. Returns it (for its size). */
    static FileEntry readable(Storage storage, String path) throws Failure {
        try {
            FileEntry entry = storage.statForRead(path);
            if (!entry.isFile()) {
                throw new Failure(TStatusCode.SRM_INVALID_PATH, path + (entry.isDirectory() ? ": is a directory" : ": not a regular file"));
            }
            return entry;
        } catch (StorageException e) {
            throw failure(e);
        }
    }

    /**
     * A put: the parent is a directory, the name is not a directory, the session may create (or, with
     * {@code overwrite}, replace) the file. Returns what is there now (null: nothing), the put's baseline.
     *
     * @param serverOverwrite {@code transfer.overwrite}: off, no door replaces a file, whatever the client asks
     */
    static FileEntry writable(Storage storage, String path, Overwrite overwrite, boolean serverOverwrite) throws Failure {
        if (path.equals("/")) {
            throw new Failure(TStatusCode.SRM_INVALID_PATH, "/: is a directory");
        }
        if (storage.readOnly()) {
            throw new Failure(TStatusCode.SRM_AUTHORIZATION_FAILURE, path + ": read-only session");
        }
        try {
            FileEntry parent = storage.stat(VirtualPaths.parent(path));
            if (!parent.isDirectory()) {
                throw new Failure(TStatusCode.SRM_INVALID_PATH, VirtualPaths.parent(path) + ": not a directory");
            }
            FileEntry existing = present(storage, path);
            if (existing != null && existing.isDirectory()) {
                throw new Failure(TStatusCode.SRM_INVALID_PATH, path + ": is a directory");
            }
            if (existing != null && (overwrite != Overwrite.ALWAYS || !serverOverwrite)) {
                throw new Failure(TStatusCode.SRM_DUPLICATION_ERROR, path + ": already exists" + (serverOverwrite
                        ? "; ask overwriteOption ALWAYS, or remove it first" : " and this server never overwrites (transfer.overwrite)"));
            }
            Operation op = existing == null ? Operation.CREATE_FILE : Operation.OVERWRITE_FILE;
            if (!storage.allowed(op, path)) {
                LOG.info("access denied: door=srm principal='{}' operation={} path={}", storage.identity().principal(), op, path);
                throw new Failure(TStatusCode.SRM_AUTHORIZATION_FAILURE, path + ": permission denied");
            }
            return existing;
        } catch (StorageException e) {
            throw failure(e);
        }
    }

    /** Whether a put's file arrived: a regular file is there and it is not what was there before. */
    static void arrived(Storage storage, String path, FileEntry baseline) throws Failure {
        try {
            FileEntry now = present(storage, path);
            if (now == null || !now.isFile() || unchanged(baseline, now)) {
                throw new Failure(TStatusCode.SRM_INVALID_PATH, path + ": nothing was written through the TURL"
                        + " (an upload still running commits only when it completes)");
            }
        } catch (StorageException e) {
            throw failure(e);
        }
    }

    /**
     * Removes what an unfinished put wrote at {@code path}: a file that differs from the baseline. An
     * overwrite put that never wrote leaves the old file. Returns what is there afterwards (the new
     * baseline for watching a running upload), or the old baseline when nothing was removed.
     */
    static FileEntry removeWritten(Storage storage, String path, FileEntry baseline) throws StorageException {
        FileEntry now = present(storage, path);
        if (now == null || !now.isFile() || unchanged(baseline, now)) {
            return baseline;
        }
        storage.delete(path);
        LOG.info("srm: removed {} written by an unfinished put of '{}'", path, storage.identity().principal());
        return null;
    }

    private static FileEntry present(Storage storage, String path) throws StorageException {
        try {
            return storage.stat(path);
        } catch (StorageException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** Uploads replace a file by renaming a new one over it, so a new inode, size or time means new content. */
    private static boolean unchanged(FileEntry before, FileEntry now) {
        return before != null && before.inode() == now.inode() && before.size() == now.size()
                && Objects.equals(before.modified(), now.modified());
    }
}
