package dev.wharf.server.dcap;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.server.acl.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;

/**
 * The access rule of unauthenticated dCap (docs/dcap.md "Permissions"): what the POSIX "other" bits
 * of the real files allow, or what an ACL file grants the anonymous principal. The mode bits are
 * checked first; when they refuse, the session's {@link AccessPolicy} may still allow it through a
 * {@code .grid-acl} entry for {@code anonymous} or {@code *}. A grant that only comes from the
 * server-wide default ({@code acl.default.anonymous}) does not count, as dCache maps dCap users to nobody.
 */
public final class WorldModePolicy implements AccessPolicy {

    static final int OTHER_READ = 04;
    static final int OTHER_WRITE = 02;
    static final int OTHER_EXECUTE = 01;
    /** How SlashGridAccessPolicy labels a decision no ACL file made. */
    static final String DEFAULT_DECISION_PREFIX = "default ";

    private final AccessPolicy acl;
    private final Jail jail;

    public WorldModePolicy(AccessPolicy acl, Jail jail) {
        this.acl = acl;
        this.jail = jail;
    }

    @Override
    public AccessDecision check(Identity who, Operation operation, String path) {
        AccessDecision byMode = byModeBits(operation, path);
        if (byMode.allowed()) {
            return byMode;
        }
        AccessDecision byAcl = acl.check(who, operation, path);
        if (byAcl.allowed() && !byAcl.decidedBy().startsWith(DEFAULT_DECISION_PREFIX)) {
            return byAcl;
        }
        return byMode;
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
