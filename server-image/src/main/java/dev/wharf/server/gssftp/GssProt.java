package dev.wharf.server.gssftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/**
 * PROT (RFC 2228) on a GSS door: C clear data, S integrity-protected, P encrypted, as the mechanism protects
 * data channels (GSI: TLS records after the DCAU handshake; Kerberos: blocks wrapped by the session's context).
 * E is 536: neither mechanism has confidentiality without integrity. 503 before ADAT or PBSZ, and when the
 * mechanism's own settings forbid the level. A change closes the session's cached MODE E streams: a cached
 * stream keeps the protection it started with.
 */
public record GssProt(GssMechanism mechanism) implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        GssSession gss = GssSession.of(session);
        GssDialect dialect = mechanism.dialect();
        if (!gss.established()) {
            throw new FtpException(503, "PROT needs " + dialect.securityFirst() + " first");
        }
        if (gss.pbsz() < 0) {
            throw new FtpException(503, "PROT needs PBSZ first");
        }
        ProtectionLevel level = switch (argument.strip().toUpperCase(Locale.ROOT)) {
            case "C" -> ProtectionLevel.CLEAR;
            case "S" -> ProtectionLevel.SAFE;
            case "P" -> ProtectionLevel.PRIVATE;
            case "E" -> throw new FtpException(536, "PROT E is not supported by " + dialect.mechanism() + "; use S or P");
            default -> throw new FtpException(504, "PROT takes C, S or P");
        };
        mechanism.checkProt(session, gss, level);
        if (level != gss.level()) {
            session.dropCachedDataConnections();
        }
        gss.level(level);
        return FtpReply.of(200, String.format(dialect.protSet(), level.letter()));
    }
}
