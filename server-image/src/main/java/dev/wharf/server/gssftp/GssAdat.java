package dev.wharf.server.gssftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gss.ContextRefusedException;
import dev.wharf.server.gss.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ADAT token (RFC 2228): one token of the client (a TLS handshake record for GSI, the AP-REQ for Kerberos) to
 * the session's context. Runs on the session's executor, never the event loop (certificate validation and the
 * key of a GSI delegation are slow). 335 {@code ADAT=} while the exchange goes on; 235 when established (with
 * the last token, e.g. the Kerberos AP-REP for mutual authentication), after which the control channel is
 * protected; 535 with the reason, the context dropped and one rate-limited log line when the client is refused:
 * the session may try AUTH again.
 */
public record GssAdat(GssMechanism mechanism) implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(GssAdat.class);

    @Override
    public Outcome execute(FtpSession session, String token) throws FtpException {
        GssSession gss = GssSession.of(session);
        SecurityContext context = gss.context();
        if (context == null || gss.established()) {
            throw new FtpException(503, "ADAT needs AUTH GSSAPI first");
        }
        GssDialect dialect = mechanism.dialect();
        byte[] out;
        try {
            out = context.accept(ProtectedMessages.decodeToken(token.strip()));
        } catch (IllegalArgumentException e) {
            throw new FtpException(501, "Malformed ADAT token");
        } catch (ContextRefusedException e) {
            mechanism.refusals().report(session.door() + ": " + dialect.mechanism() + " authentication of "
                    + session.client() + " refused", e);
            gss.dropContext();
            session.services().context().metrics().login(session.door(), "failure");
            throw new FtpException(535, "Authentication failed: " + e.getMessage());
        }
        if (!context.isEstablished()) {
            return withToken(335, out, dialect);
        }
        LOG.info("{}: {} authenticated as {}", session.door(), session.client(), context.principal());
        FtpReply reply = out.length == 0 ? FtpReply.of(235, dialect.authenticated()) : withToken(235, out, dialect);
        return new Outcome.Protect(reply, gss);
    }

    private static FtpReply withToken(int code, byte[] token, GssDialect dialect) {
        FtpReply reply = FtpReply.of(code, "ADAT=" + ProtectedMessages.encodeToken(token));
        return dialect.bareLf() ? reply.withBareLf() : reply;
    }
}
