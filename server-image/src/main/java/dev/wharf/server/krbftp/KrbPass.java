package dev.wharf.server.krbftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** PASS on the krbftp door: passwords are never taken; 202 after a Kerberos login (some clients send one anyway), else 503. */
final class KrbPass implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String password) throws FtpException {
        if (!session.loggedIn()) {
            throw new FtpException(503, "Log in with AUTH GSSAPI and USER first");
        }
        return FtpReply.of(202, "Already logged in; no password needed");
    }
}
