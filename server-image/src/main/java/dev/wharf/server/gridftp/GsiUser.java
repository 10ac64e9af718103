package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gsi.GsiLogin;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.LoginRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USER on the gsiftp door. After GSSAPI: {@code :globus-mapping:} or an account the grid-mapfile
 * allows for the DN, 331 (PASS follows and is not checked), 530 when the DN may not log in. Without
 * GSSAPI: the FTP password login when {@code gridftp.allow-passwords} is on, else 530.
 */
final class GsiUser implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(GsiUser.class);

    private final GsiService gsi;
    private final FtpCommand passwordUser;

    GsiUser(GsiService gsi, FtpCommand passwordUser) {
        this.gsi = gsi;
        this.passwordUser = passwordUser;
    }

    @Override
    public Outcome execute(FtpSession session, String name) throws FtpException {
        GsiSession gss = GsiSession.of(session);
        if (!gss.established()) {
            if (passwordUser != null) {
                return passwordUser.execute(session, name);
            }
            throw new FtpException(530, "Authenticate with AUTH GSSAPI first");
        }
        String principal = gss.acceptor().principal();
        try {
            gss.pendingIdentity(GsiLogin.identify(principal, name.strip(), gsi.gridMap()));
        } catch (LoginRefusedException e) {
            LOG.warn("{}: login of {} refused: {}", session.door(), principal, e.getMessage());
            gss.pendingIdentity(null);
            session.services().context().metrics().login(session.door(), "failure");
            throw new FtpException(530, "Login refused for " + principal);
        }
        return FtpReply.of(331, "GSSAPI user " + principal + " is authorized; send any password");
    }
}
