package dev.wharf.server.gssftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * PBSZ n (RFC 2228) after ADAT: the largest protected data token either side sends. A request above the
 * dialect's bound is lowered to it, and the reply says so ({@code 200 PBSZ=n}: curl and Globus read it back).
 * It must precede PROT. 503 before ADAT, 501 not a number or below the bound.
 */
public record GssPbsz(GssDialect dialect) implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String size) throws FtpException {
        GssSession gss = GssSession.of(session);
        if (!gss.established()) {
            throw new FtpException(503, "PBSZ needs " + dialect.securityFirst() + " first");
        }
        String n = size.strip();
        if (!n.matches("\\d{1,10}") || Long.parseLong(n) < dialect.minPbsz()) {
            throw new FtpException(501, dialect.minPbsz() > 0 ? "PBSZ needs a positive number" : "PBSZ needs a number");
        }
        int agreed = (int) Math.min(Long.parseLong(n), dialect.maxPbsz());
        gss.pbsz(agreed);
        return FtpReply.of(200, "PBSZ=" + agreed);
    }
}
