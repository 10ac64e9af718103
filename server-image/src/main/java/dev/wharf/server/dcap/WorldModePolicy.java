package dev.wharf.server.dcap;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;

/**
 * The access rule of unauthenticated dCap (docs/dcap.md "Permissions"). The session's
 * {@link AccessPolicy} is asked first: where a {@code .grid-acl} file decides (a grant or an explicit
 * {@code none}, a malformed file, a protected name), its answer stands, so an ACL can both open a
 * directory to anonymous dCap and close a world-readable one. Only where no ACL file speaks (the
 * decision is the server-wide default, {@code acl.default.anonymous}, meant for the anonymous FTP
 * area) do the POSIX "other" bits of the real files decide, as dCache maps dCap users to nobody.
 */
public final class WorldModePolicy implements AccessPolicy {

    static final int OTHER_READ = 04;
    static final int OTHER_WRITE = 02;
    static final int OTHER_EXECUTE = 01;

    private final AccessPolicy acl;
    private final Jail jail;

    public WorldModePolicy(AccessPolicy acl, Jail jail) {
        this.acl = acl;
        this.jail = jail;
    }

    @Override
    public AccessDecision check(Identity who, Operation operation, String path) {
        if (operation == Operation.ADMINISTER_ACL) {
            return byModeBits(operation, path);
        }
        AccessDecision byAcl = acl.check(who, operation, path);
        if (!byAcl.byDefault()) {
            return byAcl;
        }
        return byModeBits(operation, path);
    }

    /** The "other" rule alone: files need o+r to be read; changes need o+wx on the parent directory. */
    AccessDecision byModeBits(Operation operation, String path) {
        String parent = VirtualPaths.parent(path);
        return switch (operation) {
            case READ_FILE -> require(path, OTHER_READ, "not world-readable");
            case STAT -> require(parent, OTHER_EXECUTE, "directory not world-searchable");
            case CHANGE_DIRECTORY -> require(path, OTHER_EXECUTE, "directory not world-searchable");
            case LIST_DIRECTORY -> require(path, OTHER_READ | OTHER_EXECUTE, "directory not world-readable");
            case CREATE_FILE, OVERWRITE_FILE, APPEND_FILE, DELETE_FILE, MAKE_DIRECTORY, REMOVE_DIRECTORY, RENAME,
                 CHANGE_MODE -> require(parent, OTHER_WRITE | OTHER_EXECUTE, "directory not world-writable");
            case ADMINISTER_ACL -> AccessDecision.deny(AccessLevel.NONE, "dcap: anonymous never administers ACLs");
        };
    }

    private AccessDecision require(String path, int bits, String why) {
        int mode;
        try {
            FileEntry entry = jail.stat(path);
            mode = entry.mode();
        } catch (StorageException e) {
            // A missing object is reported by the operation itself (ENOENT), not as a denial.
            return e.reason() == StorageException.Reason.NOT_FOUND
                    ? AccessDecision.allow(AccessLevel.READ, "dcap mode bits: " + path + " does not exist")
                    : AccessDecision.deny(AccessLevel.NONE, "dcap mode bits: " + e.getMessage());
        }
        if ((mode & bits) == bits) {
            return AccessDecision.allow(AccessLevel.WRITE, "dcap mode bits of " + path);
        }
        return AccessDecision.deny(AccessLevel.NONE,
                "dcap mode bits: " + path + " " + why + " (mode " + Integer.toOctalString(mode) + ")");
    }
}
