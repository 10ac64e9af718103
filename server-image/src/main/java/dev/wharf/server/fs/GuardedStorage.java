package dev.wharf.server.fs;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.acl.owner.OwnerStore;
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
public final class GuardedStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedStorage.class);

    private final Jail jail;
    private final Identity identity;
    private final AccessPolicy policy;
    private final boolean readOnly;
    private final boolean overwrite;
    private final ServerMetrics metrics;
    private final String door;
    private final OwnerStore owners;

    /**
     * Sessions get theirs from {@link SessionStorage#open}; tests build one around their own policy.
     *
     * @param owners where creators are recorded and read for listings (docs/acl.md "Ownership"), or
     *               null to show the file system's owners
     */
    public GuardedStorage(Jail jail, AccessPolicy policy, SessionStorage.Login login, ServerMetrics metrics,
                          OwnerStore owners) {
        this.jail = jail;
        this.identity = login.identity();
        this.policy = policy;
        this.readOnly = login.readOnly();
        this.overwrite = login.overwrite();
        this.metrics = metrics;
        this.door = login.door();
        this.owners = owners;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public java.nio.file.Path aclRoot() {
        return jail.root();
    }

    /** Ends the session's use of the storage (the jail's root descriptor). */
    @Override
    public void close() {
        jail.close();
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    /** Whether an operation would be allowed, without counting or logging a denial (for listings). */
    @Override
    public boolean allowed(Operation op, String path) {
        if (readOnly && op.required().includes(dev.wharf.config.AccessLevel.WRITE)) {
            return false;
        }
        return policy.check(identity, op, path).allowed();
    }

    @Override
    public FileEntry stat(String path) throws StorageException {
        check(Operation.STAT, path);
        return owned(path, jail.stat(path));
    }

    /** Attributes of a file about to be read or described by its content (RETR, SIZE, MDTM): READ_FILE. */
    @Override
    public FileEntry statForRead(String path) throws StorageException {
        check(Operation.READ_FILE, path);
        return jail.stat(path);
    }

    @Override
    public FileEntry lstat(String path) throws StorageException {
        check(Operation.STAT, path);
        return owned(path, jail.lstat(path));
    }

    /**
     * What a listing (LIST, NLST, STAT, MLSD) shows about its argument itself. A directory is decided
     * by {@link Operation#LIST_DIRECTORY} on itself, as CWD is by CHANGE_DIRECTORY on itself, so a
     * directory whose ACL grants list can be listed even where its parent grants nothing; anything
     * else by STAT. A session that may not stat the path learns nothing about whether it exists.
     */
    @Override
    public FileEntry statForListing(String path) throws StorageException {
        FileEntry entry;
        try {
            entry = jail.stat(path);
        } catch (StorageException e) {
            check(Operation.STAT, path);
            throw e;
        }
        check(entry.isDirectory() ? Operation.LIST_DIRECTORY : Operation.STAT, path);
        return owned(path, entry);
    }

    /** Checks that {@code path} is a directory the session may enter. */
    @Override
    public FileEntry enter(String path) throws StorageException {
        check(Operation.CHANGE_DIRECTORY, path);
        FileEntry entry = jail.stat(path);
        if (!entry.isDirectory()) {
            throw new StorageException(Reason.NOT_DIRECTORY, path + ": not a directory");
        }
        return entry;
    }

    @Override
    public List<FileEntry> list(String dir) throws StorageException {
        check(Operation.LIST_DIRECTORY, dir);
        if (owners == null) {
            return jail.list(dir);
        }
        return jail.list(dir, directory -> {
            OwnerStore.Listing listing = owners.forListing(directory);
            return e -> listing.owner(e.name()).map(e::withOwner).orElse(e);
        });
    }

    @Override
    public FileChannel openRead(String path) throws StorageException {
        check(Operation.READ_FILE, path);
        return jail.openRead(path);
    }

    @Override
    public Upload openUpload(String path, UploadMode mode, long offset) throws StorageException {
        boolean exists = jail.exists(path);
        Operation op = mode != UploadMode.REPLACE ? Operation.APPEND_FILE
                : exists ? Operation.OVERWRITE_FILE : Operation.CREATE_FILE;
        write(op, path);
        FileUpload upload = jail.openUpload(path, mode, offset, overwrite);
        if (!exists) {
            upload.afterCommit(() -> recordCreated(path));
        }
        return upload;
    }

    @Override
    public String uniqueName(String dir, String base) throws StorageException {
        return jail.uniqueName(dir, base);
    }

    @Override
    public void makeDirectory(String path) throws StorageException {
        write(Operation.MAKE_DIRECTORY, path);
        jail.makeDirectory(path);
        recordCreated(path);
    }

    @Override
    public void removeDirectory(String path) throws StorageException {
        write(Operation.REMOVE_DIRECTORY, path);
        jail.removeDirectory(path);
        ownerUpdate(path, () -> jail.atEntry(path, entry -> {
            owners.removed(entry);
            return null;
        }));
    }

    @Override
    public void delete(String path) throws StorageException {
        write(Operation.DELETE_FILE, path);
        jail.delete(path);
        ownerUpdate(path, () -> jail.atEntry(path, entry -> {
            owners.removed(entry);
            return null;
        }));
    }

    @Override
    public void rename(String from, String to) throws StorageException {
        write(Operation.RENAME, from);
        write(Operation.RENAME, to);
        jail.rename(from, to, overwrite);
        ownerUpdate(to, () -> jail.atEntry(from, source -> jail.atEntry(to, target -> {
            owners.moved(source, target);
            return null;
        })));
    }

    @Override
    public void setMode(String path, int mode) throws StorageException {
        write(Operation.CHANGE_MODE, path);
        jail.setMode(path, mode);
    }

    /**
     * Checks that the session may show or change {@code dir}'s ACL (SITE GETACL/SETACL): admin on the
     * directory itself, never for read-only sessions. Refusals are logged and counted like every other.
     */
    @Override
    public void administerAcl(String dir) throws StorageException {
        write(Operation.ADMINISTER_ACL, dir);
    }

    private FileEntry owned(String path, FileEntry entry) {
        if (owners == null) {
            return entry;
        }
        try {
            return jail.atEntry(path, owners::owner).map(entry::withOwner).orElse(entry);
        } catch (StorageException e) {
            return entry;
        }
    }

    private void recordCreated(String path) {
        ownerUpdate(path, () -> jail.atEntry(path, entry -> {
            owners.recordCreated(entry, identity);
            return null;
        }));
    }

    @FunctionalInterface
    private interface OwnerUpdate {
        void run() throws java.io.IOException;
    }

    /** Ownership is informational: failing to record it is logged, never fails the command. */
    private void ownerUpdate(String path, OwnerUpdate update) {
        if (owners == null) {
            return;
        }
        try {
            update.run();
        } catch (java.io.IOException e) {
            LOG.warn("could not record the owner of {}: {}", path, e.toString());
        }
    }

    private void write(Operation op, String path) throws StorageException {
        if (readOnly) {
            LOG.info("access denied: door={} principal='{}' operation={} path={} decided-by read-only session",
                    door, identity.principal(), op, path);
            metrics.accessDenied(door, op.name());
            throw new StorageException(Reason.READ_ONLY, path + ": read-only session");
        }
        check(op, path);
    }

    private void check(Operation op, String path) throws StorageException {
        AccessDecision decision = policy.check(identity, op, path);
        if (!decision.allowed()) {
            LOG.info("access denied: door={} principal='{}' operation={} path={} decided-by {}",
                    door, identity.principal(), op, path, decision.decidedBy());
            metrics.accessDenied(door, op.name());
            throw new StorageException(Reason.DENIED, path + ": permission denied");
        }
    }
}
