package dev.wharf.server.gridftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * PASS on the gsiftp door: after a GSSAPI USER the password is superfluous; the session is jailed
 * at {@link GridFtpRoots#rootFor} and logged in (230). Otherwise the FTP password login when allowed.
 */
final class GsiPass implements FtpCommand {

    private final GridFtpRoots roots;
    private final FtpCommand passwordPass;

    GsiPass(GridFtpRoots roots, FtpCommand passwordPass) {
        this.roots = roots;
        this.passwordPass = passwordPass;
    }

    @Override
    public Outcome execute(FtpSession session, String password) throws FtpException {
        GsiSession gss = GsiSession.of(session);
        Identity identity = gss.pendingIdentity();
        if (identity == null) {
            if (gss.established() || passwordPass == null) {
                throw new FtpException(503, "Login with USER first");
            }
            return passwordPass.execute(session, password);
        }
        gss.pendingIdentity(null);
        IdentityLogin.complete(session, identity, roots);
        return FtpReply.of(230, "User " + identity.principal() + " logged in");
    }
}
