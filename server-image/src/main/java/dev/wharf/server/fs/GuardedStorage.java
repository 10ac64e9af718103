package dev.wharf.server.fs;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.StorageException.Reason;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.channels.FileChannel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's view of storage: the {@link Jail} behind the {@link AccessPolicy}. Every door goes
 * through this class, so no storage operation can skip the access check: each method asks the policy
 * for its {@link Operation} on the normalised path first, and read-only sessions (anonymous) are
 * refused any change. A denial is logged once here and counted in {@code accessDenied}.
 */
public final class GuardedStorage {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedStorage.class);

    private final Jail jail;
    private final Identity identity;
    private final AccessPolicy policy;
    private final boolean readOnly;
    private final boolean overwrite;
    private final ServerMetrics metrics;
    private final String door;

    public GuardedStorage(Jail jail, Identity identity, AccessPolicy policy, boolean readOnly,
                          boolean overwrite, ServerMetrics metrics, String door) {
        this.jail = jail;
        this.identity = identity;
        this.policy = policy;
        this.readOnly = readOnly;
        this.overwrite = overwrite;
        this.metrics = metrics;
        this.door = door;
    }

    public Identity identity() {
        return identity;
    }

    public Jail jail() {
        return jail;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Whether an operation would be allowed, without counting or logging a denial (for listings). */
    public boolean allowed(Operation op, String path) {
        if (readOnly && op.required().includes(dev.wharf.server.acl.AccessLevel.WRITE)) {
            return false;
        }
        return policy.check(identity, op, path).allowed();
    }

    public FileEntry stat(String path) throws StorageException {
        check(Operation.STAT, path);
        return jail.stat(path);
    }

    /** Attributes of a file about to be read or described by its content (RETR, SIZE, MDTM): READ_FILE. */
    public FileEntry statForRead(String path) throws StorageException {
        check(Operation.READ_FILE, path);
        return jail.stat(path);
    }

    public FileEntry lstat(String path) throws StorageException {
        check(Operation.STAT, path);
        return jail.lstat(path);
    }

    /** Checks that {@code path} is a directory the session may enter. */
    public FileEntry enter(String path) throws StorageException {
        check(Operation.CHANGE_DIRECTORY, path);
        FileEntry entry = jail.stat(path);
        if (!entry.isDirectory()) {
            throw new StorageException(Reason.NOT_DIRECTORY, path + ": not a directory");
        }
        return entry;
    }

    public List<FileEntry> list(String dir) throws StorageException {
        check(Operation.LIST_DIRECTORY, dir);
        return jail.list(dir);
    }

    public FileChannel openRead(String path) throws StorageException {
        check(Operation.READ_FILE, path);
        return jail.openRead(path);
    }

    public Upload openUpload(String path, UploadMode mode, long offset) throws StorageException {
        boolean exists = jail.exists(path);
        Operation op = mode != UploadMode.REPLACE ? Operation.APPEND_FILE
                : exists ? Operation.OVERWRITE_FILE : Operation.CREATE_FILE;
        write(op, path);
        return jail.openUpload(path, mode, offset, overwrite);
    }

    public String uniqueName(String dir, String base) throws StorageException {
        return jail.uniqueName(dir, base);
    }

    public void makeDirectory(String path) throws StorageException {
        write(Operation.MAKE_DIRECTORY, path);
        jail.makeDirectory(path);
    }

    public void removeDirectory(String path) throws StorageException {
        write(Operation.REMOVE_DIRECTORY, path);
        jail.removeDirectory(path);
    }

    public void delete(String path) throws StorageException {
        write(Operation.DELETE_FILE, path);
        jail.delete(path);
    }

    public void rename(String from, String to) throws StorageException {
        write(Operation.RENAME, from);
        write(Operation.RENAME, to);
        if (!overwrite && jail.exists(to)) {
            throw new StorageException(Reason.EXISTS, to + ": already exists and overwriting is disabled");
        }
        jail.rename(from, to);
    }

    public void setMode(String path, int mode) throws StorageException {
        write(Operation.CHANGE_MODE, path);
        jail.setMode(path, mode);
    }

    private void write(Operation op, String path) throws StorageException {
        if (readOnly) {
            LOG.info("{}: {} {} refused: read-only session", identity.principal(), op, path);
            metrics.accessDenied(door, op.name());
            throw new StorageException(Reason.READ_ONLY, path + ": read-only session");
        }
        check(op, path);
    }

    private void check(Operation op, String path) throws StorageException {
        AccessDecision decision = policy.check(identity, op, path);
        if (!decision.allowed()) {
            LOG.info("{}: {} {} denied by {}", identity.principal(), op, path, decision.decidedBy());
            metrics.accessDenied(door, op.name());
            throw new StorageException(Reason.DENIED, path + ": permission denied");
        }
    }
}
