package dev.wharf.server.gssftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/**
 * AUTH GSSAPI (RFC 2228): 334 and a fresh acceptor of the door's mechanism; another mechanism 504 (curl then
 * logs in in clear and meets USER's 530); a second AUTH once established 534. From here on the session's data
 * channels are protected as the mechanism says (GSI: DCAU A by default once established; Kerberos: PROT).
 */
public record GssAuth(GssMechanism mechanism) implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String name) throws FtpException {
        GssDialect dialect = mechanism.dialect();
        if (!name.strip().toUpperCase(Locale.ROOT).equals("GSSAPI")) {
            throw new FtpException(504, dialect.onlyGssapi());
        }
        GssSession gss = GssSession.of(session);
        if (gss.established()) {
            throw new FtpException(534, "Security context already established");
        }
        gss.begin(mechanism.newContext(), dialect);
        session.dataProtection(() -> mechanism.dataProtection(session, gss));
        return FtpReply.of(334, dialect.adatFollows());
    }
}
