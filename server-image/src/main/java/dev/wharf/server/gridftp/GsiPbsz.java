package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * PBSZ n (RFC 2228) after GSSAPI: 200 PBSZ=n. Only clear data channels exist yet (no DCAU), so the
 * size bounds nothing; it is accepted because globus-url-copy sends it even with -nodcau.
 */
final class GsiPbsz implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String size) throws FtpException {
        if (!GridFtpCommands.gsi(session).established()) {
            throw new FtpException(503, "PBSZ needs AUTH GSSAPI first");
        }
        String n = size.strip();
        if (!n.matches("\\d{1,10}") || Long.parseLong(n) > Integer.MAX_VALUE) {
            throw new FtpException(501, "PBSZ needs a number");
        }
        return FtpReply.of(200, "PBSZ=" + n);
    }
}
