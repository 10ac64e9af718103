package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.owner.OwnerStore;
import dev.wharf.server.auth.Identity;
import java.nio.file.Path;

/**
 * The one access check every door calls before touching storage. Doors must not make their own
 * permission decisions: a door added later plugs into this same interface.
 *
 * <p>{@code path} is the jail-relative absolute path ("/", "/data/run1/file") of the object the
 * operation touches, already normalised by the storage jail. Implementations must be thread-safe
 * and must not block for long (they are called off the event loop, but per command).
 *
 * <p>Doors call {@link #forSession} once per login (with the jail root the login gave) and use the
 * returned policy for the rest of the session: ACL files live on disk under the jail root, and the
 * door's name labels the denial metric.
 */
public interface AccessPolicy {

    AccessDecision check(Identity who, Operation operation, String path);

    /**
     * The policy for one session: {@code door} is the door's name (metric label), {@code jailRoot}
     * the host directory the session's paths are relative to. Policies that do not look at the
     * disk return themselves.
     */
    default AccessPolicy forSession(String door, Path jailRoot) {
        return this;
    }

    /**
     * Where doors record and read who created each entry (docs/acl.md "Ownership"); sessions take it
     * from {@code ServerContext.owners()}. An xattr-first store unless the policy is configured otherwise.
     */
    default OwnerStore owners() {
        return OwnerStore.DEFAULT;
    }

    /** Everything is allowed; for tests and for servers that rely on the storage jail alone. */
    AccessPolicy ALLOW_ALL = (who, operation, path) -> AccessDecision.allow(AccessLevel.ADMIN, "allow-all");
}
