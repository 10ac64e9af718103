package dev.wharf.server.krbftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.krbftp.KrbSession.Level;
import java.util.Locale;

/**
 * PROT (RFC 2228) on the krbftp door: C clear data, S every block integrity-protected, P encrypted, each
 * block wrapped by the session's Kerberos context. E is 536: Kerberos has no confidentiality without
 * integrity. 503 before ADAT or PBSZ.
 */
final class KrbProt implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        KrbSession krb = KrbSession.of(session);
        if (!krb.established()) {
            throw new FtpException(503, "PROT needs AUTH GSSAPI and ADAT first");
        }
        if (krb.pbsz() < 0) {
            throw new FtpException(503, "PROT needs PBSZ first");
        }
        String letter = argument.strip().toUpperCase(Locale.ROOT);
        Level level = switch (letter) {
            case "C" -> Level.CLEAR;
            case "S" -> Level.SAFE;
            case "P" -> Level.PRIVATE;
            case "E" -> throw new FtpException(536, "PROT E is not supported by Kerberos; use S or P");
            default -> throw new FtpException(504, "PROT takes C, S or P");
        };
        krb.level(level);
        return FtpReply.of(200, "Protection level set to " + letter);
    }
}
