package dev.wharf.server.acl;

import dev.wharf.server.auth.Identity;

/**
 * The one access check every door calls before touching storage. Doors must not make their own
 * permission decisions: a door added later plugs into this same interface.
 *
 * <p>{@code path} is the jail-relative absolute path ("/", "/data/run1/file") of the object the
 * operation touches, already normalised by the storage jail. Implementations must be thread-safe
 * and must not block for long (they are called off the event loop, but per command).
 */
public interface AccessPolicy {

    AccessDecision check(Identity who, Operation operation, String path);

    /** Everything is allowed; for tests and for servers that rely on the storage jail alone. */
    AccessPolicy ALLOW_ALL = (who, operation, path) -> AccessDecision.allow(AccessLevel.ADMIN, "allow-all");
}
