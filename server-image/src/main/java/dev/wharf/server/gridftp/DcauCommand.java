package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.gridftp.dcau.Dcau;
import dev.wharf.server.gssftp.GssSession;
import dev.wharf.server.gssftp.ProtectionLevel;

/**
 * DCAU N | A | S subject (GFD.20): how the following data connections authenticate. 200 {@code DCAU x.};
 * 501/504 for a bad argument (see {@link Dcau#parse}); 503 for A/S without a GSSAPI login, and for N while
 * PROT S/P is in force (protected data needs an authenticated channel: set PROT C first). A change closes
 * the session's cached MODE E streams, as Globus does.
 */
final class DcauCommand implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Dcau dcau = Dcau.parse(argument);
        GssSession gss = GssSession.of(session);
        DataSecurity security = DataSecurity.of(session);
        if (dcau.authenticates() && !gss.established()) {
            throw new FtpException(503, "DCAU " + dcau.letter() + " needs a GSSAPI login (AUTH GSSAPI)");
        }
        if (!dcau.authenticates() && gss.level() != ProtectionLevel.CLEAR) {
            throw new FtpException(503, "PROT " + gss.level().letter() + " needs DCAU A or S; send PROT C first");
        }
        if (!dcau.equals(security.dcau(gss))) {
            session.dropCachedDataConnections(); // a cached stream keeps the protection it started with
        }
        security.dcau(dcau);
        return FtpReply.of(200, "DCAU " + dcau.letter() + ".");
    }
}
