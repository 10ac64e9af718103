package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/** PROT C|P (RFC 4217): P puts TLS on every following data connection; S/E are 536; 503 before PBSZ. */
public final class Prot implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String level) throws FtpException {
        if (!session.tlsControl()) {
            throw new FtpException(503, "PROT needs AUTH TLS first");
        }
        if (!session.pbszSet()) {
            throw new FtpException(503, "PROT needs PBSZ first");
        }
        switch (level.strip().toUpperCase(Locale.ROOT)) {
            case "C" -> session.protectData(false);
            case "P" -> session.protectData(true);
            case "S", "E" -> throw new FtpException(536, "Protection level not supported by TLS");
            default -> throw new FtpException(504, "PROT takes C or P");
        }
        return FtpReply.of(200, "Protection level set to " + level.strip().toUpperCase(Locale.ROOT));
    }
}
