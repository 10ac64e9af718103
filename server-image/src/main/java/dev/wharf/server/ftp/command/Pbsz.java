package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** PBSZ n (RFC 4217): TLS has no buffer, so 200 PBSZ=0; 503 before AUTH, 501 not a number. */
public final class Pbsz implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String size) throws FtpException {
        if (!session.tlsControl()) {
            throw new FtpException(503, "PBSZ needs AUTH TLS first");
        }
        if (!size.strip().matches("\\d{1,10}")) {
            throw new FtpException(501, "PBSZ needs a number");
        }
        session.pbszSet(true);
        return FtpReply.of(200, "PBSZ=0");
    }
}
