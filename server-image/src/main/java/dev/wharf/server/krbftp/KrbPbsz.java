package dev.wharf.server.krbftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * PBSZ n (RFC 2228) after ADAT: the largest protected data token either side sends. We lower it to
 * {@link KrbSession#MAX_PBSZ} and say so ({@code 200 PBSZ=n}, which curl reads back). 503 before ADAT, 501
 * not a number.
 */
final class KrbPbsz implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String size) throws FtpException {
        KrbSession krb = KrbSession.of(session);
        if (!krb.established()) {
            throw new FtpException(503, "PBSZ needs AUTH GSSAPI and ADAT first");
        }
        String n = size.strip();
        if (!n.matches("\\d{1,10}") || Long.parseLong(n) == 0) {
            throw new FtpException(501, "PBSZ needs a positive number");
        }
        int agreed = (int) Math.min(Long.parseLong(n), KrbSession.MAX_PBSZ);
        krb.pbsz(agreed);
        return FtpReply.of(200, "PBSZ=" + agreed);
    }
}
