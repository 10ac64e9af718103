package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gsi.GsiService;
import java.util.Locale;

/**
 * AUTH GSSAPI (RFC 2228): 334 and a fresh acceptor; another mechanism 504; a second AUTH 534. From here on
 * the session's data channels are protected as {@link DataSecurity} says (DCAU A by default once established).
 */
final class AuthGssapi implements FtpCommand {

    private final GsiService gsi;

    AuthGssapi(GsiService gsi) {
        this.gsi = gsi;
    }

    @Override
    public Outcome execute(FtpSession session, String mechanism) throws FtpException {
        if (!mechanism.strip().toUpperCase(Locale.ROOT).equals("GSSAPI")) {
            throw new FtpException(504, "Only AUTH GSSAPI is supported on this door");
        }
        GsiSession gss = GsiSession.of(session);
        if (gss.established()) {
            throw new FtpException(534, "Security context already established");
        }
        gss.acceptor(gsi.newAcceptor());
        session.dataProtection(() -> DataSecurity.of(session).protection(gsi, gss));
        return FtpReply.of(334, "ADAT must follow");
    }
}
