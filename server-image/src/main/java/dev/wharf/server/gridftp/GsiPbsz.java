package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * PBSZ n (RFC 2228) after GSSAPI: 200 PBSZ=n (Globus echoes the value and the client reads it back). It
 * must precede PROT. The size bounds nothing here: protected data travels in TLS records of at most 16 KiB.
 */
final class GsiPbsz implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String size) throws FtpException {
        if (!GsiSession.of(session).established()) {
            throw new FtpException(503, "PBSZ needs AUTH GSSAPI first");
        }
        String n = size.strip();
        if (!n.matches("\\d{1,10}") || Long.parseLong(n) > Integer.MAX_VALUE) {
            throw new FtpException(501, "PBSZ needs a number");
        }
        DataSecurity.of(session).pbszSet(true);
        return FtpReply.of(200, "PBSZ=" + n);
    }
}
