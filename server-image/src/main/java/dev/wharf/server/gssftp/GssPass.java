package dev.wharf.server.gssftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * PASS on a GSS door: no password is checked after a GSS login. After USER's 331 it finishes the login (230,
 * jailed at {@link GssMechanism#rootFor}); after USER's 232 it is 202 (some clients send one anyway). Before any
 * USER: the FTP password login when the door takes passwords and no GSS context was established, else 503.
 *
 * @param passwordPass the FTP door's PASS when the door takes passwords too, else null
 */
public record GssPass(GssMechanism mechanism, FtpCommand passwordPass) implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String password) throws FtpException {
        GssSession gss = GssSession.of(session);
        Identity identity = gss.pendingIdentity();
        if (identity != null) {
            gss.pendingIdentity(null);
            IdentityLogin.complete(session, identity, mechanism.rootFor(identity));
            return FtpReply.of(230, "User " + identity.principal() + " logged in");
        }
        if (mechanism.dialect().loginAtUser()) {
            if (!session.loggedIn()) {
                throw new FtpException(503, "Log in with AUTH GSSAPI and USER first");
            }
            return FtpReply.of(202, "Already logged in; no password needed");
        }
        if (gss.established() || passwordPass == null) {
            throw new FtpException(503, "Login with USER first");
        }
        return passwordPass.execute(session, password);
    }
}
