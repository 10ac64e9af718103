package dev.wharf.server.krbftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.krb.KrbAcceptor;
import dev.wharf.server.krb.KrbRefusedException;
import dev.wharf.server.log.ClientMistakes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * ADAT (RFC 2228) on the krbftp door: one Kerberos token (the client's AP-REQ) to the acceptor. 235 with
 * the AP-REP as {@code ADAT=} for mutual authentication, after which the control channel is protected;
 * 335 if the mechanism wants more; 535 with the reason (expired ticket, clock skew, replay, wrong key) and
 * one rate-limited log line when the client is refused, and the session may try AUTH again. Replies carrying
 * a token end in a bare LF ({@link FtpReply#bareLf}).
 */
final class KrbAdat implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(KrbAdat.class);
    // refusals come from unauthenticated peers: a loop of bad tickets must not flood the log
    private static final ClientMistakes REFUSALS = new ClientMistakes(LOG, Level.WARN);

    @Override
    public Outcome execute(FtpSession session, String token) throws FtpException {
        KrbSession krb = KrbSession.of(session);
        KrbAcceptor acceptor = krb.acceptor();
        if (acceptor == null || krb.established()) {
            throw new FtpException(503, "ADAT needs AUTH GSSAPI first");
        }
        byte[] out;
        try {
            out = acceptor.accept(ProtectedMessages.decodeToken(token.strip()));
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "Malformed ADAT token");
        } catch (KrbRefusedException e) {
            REFUSALS.report(session.door() + ": Kerberos authentication of " + session.client() + " refused: "
                    + e.getMessage(), null);
            krb.dropAcceptor();
            session.services().context().metrics().login(session.door(), "failure");
            throw new FtpException(535, "Authentication failed: " + e.getMessage());
        }
        if (!acceptor.isEstablished()) {
            return FtpReply.of(335, "ADAT=" + ProtectedMessages.encodeToken(out)).withBareLf();
        }
        krb.established(true);
        LOG.info("{}: {} authenticated as {}", session.door(), session.client(), acceptor.principal());
        FtpReply reply = out.length == 0 ? FtpReply.of(235, "GSSAPI authentication succeeded")
                : FtpReply.of(235, "ADAT=" + ProtectedMessages.encodeToken(out)).withBareLf();
        return new Outcome.Protect(reply, krb);
    }
}
