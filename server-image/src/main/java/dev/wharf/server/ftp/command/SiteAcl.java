package dev.wharf.server.ftp.command;

import dev.wharf.server.ServerContext;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.AclAdmin;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.StorageReplies;

/** What SITE GETACL and SITE SETACL share: the login gate, the session's policy, failure replies. */
final class SiteAcl {
    private SiteAcl() {}

    static void requireLogin(FtpSession session) throws FtpException {
        if (!session.loggedIn()) {
            throw new FtpException(530, "Please login with USER and PASS");
        }
    }

    /**
     * The admin check through the session's storage view (GuardedStorage), so a refusal is logged
     * with principal, path and deciding ACL and counted once, as every other door's refusals are.
     */
    static void authorise(FtpSession session, String dir) throws FtpException {
        StorageReplies.call(() -> {
            session.storage().administerAcl(dir);
            return null;
        }, false);
    }

    static AclAdmin admin() {
        return new AclAdmin();
    }

    /** The same per-session policy PASS gave the session's storage. */
    static AccessPolicy policy(FtpSession session) {
        ServerContext ctx = session.services().context();
        return ctx.access().forSession(session.door(), session.storage().aclRoot());
    }

    static FtpException reply(AclAdmin.Failure failure) {
        return new FtpException(failure.kind() == AclAdmin.Failure.Kind.IO ? 451 : 550, failure.getMessage());
    }
}
