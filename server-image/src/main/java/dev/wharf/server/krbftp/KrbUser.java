package dev.wharf.server.krbftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gridftp.GridFtpRoots;
import dev.wharf.server.gridftp.IdentityLogin;
import dev.wharf.server.krb.KrbService;
import dev.wharf.server.log.ClientMistakes;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * USER on the krbftp door, after ADAT: the principal's account comes from the principal map; the session
 * logs in at once with {@code 232} (RFC 2228: authorized by the security exchange, no PASS). The name may be
 * empty, the account itself, the principal, or what clients send when the user named nobody
 * ({@code anonymous}, {@code ftp}); another account is 530. An unmapped principal is 530. The identity, and
 * so the ACL principal, is the Kerberos principal. Without a Kerberos login every USER is 530: this door
 * never takes passwords.
 */
final class KrbUser implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(KrbUser.class);
    private static final ClientMistakes REFUSALS = new ClientMistakes(LOG, Level.WARN);
    private static final Set<String> NOBODY_NAMED = Set.of("", "anonymous", "ftp");

    private final KrbService krb;
    private final GridFtpRoots roots;

    KrbUser(KrbService krb, GridFtpRoots roots) {
        this.krb = krb;
        this.roots = roots;
    }

    @Override
    public Outcome execute(FtpSession session, String name) throws FtpException {
        KrbSession krbSession = KrbSession.of(session);
        if (!krbSession.established()) {
            REFUSALS.report(session.door() + ": " + session.client() + " sent USER without a Kerberos login", null);
            session.services().context().metrics().login(session.door(), "failure");
            throw new FtpException(530, "Log in with AUTH GSSAPI (Kerberos) first");
        }
        String principal = krbSession.acceptor().principal();
        Optional<String> account = krb.principalMap().account(principal);
        String requested = name.strip();
        if (account.isEmpty() || !(NOBODY_NAMED.contains(requested) || requested.equals(account.get())
                || requested.equals(principal))) {
            String why = account.isEmpty() ? principal + " is not in the principal map"
                    : principal + " may not log in as '" + requested + "'";
            REFUSALS.report(session.door() + ": login refused: " + why, null);
            session.services().context().metrics().login(session.door(), "failure");
            throw new FtpException(530, "Login refused: " + why);
        }
        session.userGiven(principal, false);
        IdentityLogin.complete(session, new Identity(principal, Identity.Method.KERBEROS, Set.of(), account.get()), roots);
        return FtpReply.of(232, "User " + principal + " logged in as " + account.get()
                + ", authorized by security data exchange");
    }
}
