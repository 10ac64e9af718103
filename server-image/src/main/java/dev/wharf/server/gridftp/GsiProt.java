package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gridftp.dcau.GsiDataProtection.Level;
import java.util.Locale;

/**
 * PROT on the gsiftp door (RFC 2228 with GSI data channels): C clear after the DCAU handshake, S and P every
 * byte in TLS records (we always encrypt; S only promises integrity). 503 before AUTH GSSAPI or PBSZ, and
 * for S/P under DCAU N; E is 536 (Globus has no confidentiality without integrity either). A change closes
 * the session's cached MODE E streams.
 */
final class GsiProt implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        GsiSession gss = GsiSession.of(session);
        DataSecurity security = DataSecurity.of(session);
        if (!gss.established()) {
            throw new FtpException(503, "PROT needs AUTH GSSAPI first");
        }
        if (!security.pbszSet()) {
            throw new FtpException(503, "PROT needs PBSZ first");
        }
        Level level = switch (argument.strip().toUpperCase(Locale.ROOT)) {
            case "C" -> Level.CLEAR;
            case "S" -> Level.SAFE;
            case "P" -> Level.PRIVATE;
            case "E" -> throw new FtpException(536, "PROT E is not supported by GSI; use S or P");
            default -> throw new FtpException(504, "PROT takes C, S or P");
        };
        if (level != Level.CLEAR && !security.dcau(gss).authenticates()) {
            throw new FtpException(503, "PROT " + level.letter() + " needs DCAU A or S");
        }
        if (level != security.level()) {
            session.dropCachedDataConnections(); // a cached stream keeps the protection it started with
        }
        security.level(level);
        return FtpReply.of(200, "Protection level set to " + level.letter() + ".");
    }
}
