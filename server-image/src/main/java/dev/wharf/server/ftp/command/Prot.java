package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/**
 * PROT C|P (RFC 4217): P puts TLS on every following data connection; S/E are 536; 503 before PBSZ. A
 * change closes the MODE E streams kept from earlier transfers (they were set up with the old level).
 */
public final class Prot implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String level) throws FtpException {
        if (!session.tlsControl()) {
            throw new FtpException(503, "PROT needs AUTH TLS first");
        }
        if (!session.pbszSet()) {
            throw new FtpException(503, "PROT needs PBSZ first");
        }
        boolean protect = switch (level.strip().toUpperCase(Locale.ROOT)) {
            case "C" -> false;
            case "P" -> true;
            case "S", "E" -> throw new FtpException(536, "Protection level not supported by TLS");
            default -> throw new FtpException(504, "PROT takes C or P");
        };
        if (protect != session.protectData()) {
            session.dropCachedDataConnections(); // a kept MODE E stream keeps the protection it started with
        }
        session.protectData(protect);
        return FtpReply.of(200, "Protection level set to " + level.strip().toUpperCase(Locale.ROOT));
    }
}
