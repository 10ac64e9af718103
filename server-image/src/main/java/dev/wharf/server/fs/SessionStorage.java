package dev.wharf.server.fs;

import dev.wharf.server.ServerContext;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one place a session's storage is built, for every door (docs/acl.md): login → jail at the
 * login's root → the server's one AccessPolicy scoped to that root → {@link GuardedStorage}, with the
 * server's owner store and metrics. Doors added later call this too, never a check of their own.
 */
public final class SessionStorage {

    /**
     * What a login decided about a session's storage.
     *
     * @param door      the door's name (denial metrics, logs)
     * @param readOnly  refuse every change (anonymous)
     * @param overwrite whether uploads and renames may replace existing files
     */
    public record Login(String door, Identity identity, boolean readOnly, boolean overwrite) {}

    /** Narrows the session's policy with what only the jail can tell (dCap's anonymous mode bits). */
    @FunctionalInterface
    public interface PolicyScope {
        PolicyScope NONE = (policy, jail) -> policy;

        AccessPolicy apply(AccessPolicy sessionPolicy, Jail jail);
    }

    private SessionStorage() {}

    public static Storage open(ServerContext context, Path root, Login login, FileChannelOpener opener)
            throws IOException {
        return open(context, root, login, opener, PolicyScope.NONE);
    }

    /**
     * @param root the host directory the session is jailed in
     * @throws IOException when the root is not a usable directory (the login fails)
     */
    public static Storage open(ServerContext context, Path root, Login login, FileChannelOpener opener,
                               PolicyScope scope) throws IOException {
        Jail jail = new Jail(root, opener);
        try {
            AccessPolicy policy = scope.apply(context.access().forSession(login.door(), jail.root()), jail);
            return new GuardedStorage(jail, policy, login, context.metrics(), context.owners());
        } catch (RuntimeException e) {
            jail.close();
            throw e;
        }
    }
}
