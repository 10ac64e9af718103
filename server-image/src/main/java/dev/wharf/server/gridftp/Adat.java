package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiAuthenticationException;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.log.ClientMistakes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * ADAT token (RFC 2228): feeds one TLS handshake token to the acceptor. Runs on the session's
 * executor, never the event loop (validation and delegation key work are slow). 335 ADAT= while the
 * handshake goes on; 235 when established, after which the control channel is protected; 535 and the
 * context dropped when the peer is refused.
 */
final class Adat implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(Adat.class);
    // refusals come from unauthenticated peers: a loop of bad certificates must not flood the log
    private static final ClientMistakes REFUSALS = new ClientMistakes(LOG, Level.WARN);

    @Override
    public Outcome execute(FtpSession session, String token) throws FtpException {
        GsiSession gss = GsiSession.of(session);
        GsiAcceptor acceptor = gss.acceptor();
        if (acceptor == null || gss.established()) {
            throw new FtpException(503, "ADAT needs AUTH GSSAPI first");
        }
        byte[] out;
        try {
            out = acceptor.acceptToken(ProtectedMessages.decodeToken(token.strip()));
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "Malformed ADAT token");
        } catch (GsiAuthenticationException e) {
            REFUSALS.report(session.door() + ": GSI authentication of " + session.client() + " refused", e);
            gss.dropAcceptor();
            session.services().context().metrics().login(session.door(), "failure");
            throw new FtpException(535, "Authentication failed: " + e.getMessage());
        }
        if (!acceptor.isEstablished()) {
            return FtpReply.of(335, "ADAT=" + ProtectedMessages.encodeToken(out));
        }
        gss.established(true);
        LOG.info("{}: {} authenticated as {}", session.door(), session.client(), acceptor.principal());
        FtpReply reply = out.length == 0 ? FtpReply.of(235, "GSSAPI Authentication successful.")
                : FtpReply.of(235, "ADAT=" + ProtectedMessages.encodeToken(out));
        return new Outcome.Protect(reply, gss);
    }
}
