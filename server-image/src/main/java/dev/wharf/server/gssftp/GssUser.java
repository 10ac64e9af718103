package dev.wharf.server.gssftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gsi.LoginRefusedException;

/**
 * USER on a GSS door. After ADAT the mechanism maps the authenticated principal and the name sent to an identity
 * (GSI: {@code :globus-mapping:} or an account the grid-mapfile allows; Kerberos: the principal map); 530 when
 * it may not log in. Then, as the dialect says, either the session logs in at once with {@code 232} (RFC 2228:
 * authorized by the security exchange, no PASS) or {@code 331} and PASS finishes it. Before ADAT: the FTP password
 * login when the door takes passwords, else 530.
 *
 * @param passwordUser the FTP door's USER when the door takes passwords too, else null
 */
public record GssUser(GssMechanism mechanism, FtpCommand passwordUser) implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String name) throws FtpException {
        GssSession gss = GssSession.of(session);
        GssDialect dialect = mechanism.dialect();
        if (!gss.established()) {
            if (passwordUser != null) {
                return passwordUser.execute(session, name);
            }
            throw refused(session, session.client() + " sent USER without a " + dialect.mechanism() + " login",
                    dialect.loginFirst());
        }
        String principal = gss.context().principal();
        Identity identity;
        try {
            identity = mechanism.identify(principal, name.strip());
        } catch (LoginRefusedException e) {
            gss.pendingIdentity(null);
            throw refused(session, "login of " + principal + " refused: " + e.getMessage(),
                    String.format(dialect.refused(), principal, e.getMessage()));
        }
        if (!dialect.loginAtUser()) {
            gss.pendingIdentity(identity);
            return FtpReply.of(331, "GSSAPI user " + principal + " is authorized; send any password");
        }
        session.userGiven(principal, false);
        IdentityLogin.complete(session, identity, mechanism.rootFor(identity));
        return FtpReply.of(232, "User " + principal + " logged in as " + identity.localAccount()
                + ", authorized by security data exchange");
    }

    private FtpException refused(FtpSession session, String why, String reply) {
        mechanism.refusals().report(session.door() + ": " + why, null);
        session.services().context().metrics().login(session.door(), "failure");
        return new FtpException(530, reply);
    }
}
