package dev.wharf.server.krbftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.krb.KrbService;
import java.util.Locale;

/**
 * AUTH GSSAPI (RFC 2228) on the krbftp door: 334 and a fresh Kerberos acceptor for the door's service
 * principal; another mechanism 504 (curl then logs in in clear, and USER answers 530); a second AUTH once
 * established 534. From here on data channels are protected as PROT says.
 */
final class KrbAuth implements FtpCommand {

    private final KrbService krb;

    KrbAuth(KrbService krb) {
        this.krb = krb;
    }

    @Override
    public Outcome execute(FtpSession session, String mechanism) throws FtpException {
        if (!mechanism.strip().toUpperCase(Locale.ROOT).equals("GSSAPI")) {
            throw new FtpException(504, "Only AUTH GSSAPI (Kerberos 5) is supported on this door");
        }
        KrbSession krbSession = KrbSession.of(session);
        if (krbSession.established()) {
            throw new FtpException(534, "Security context already established");
        }
        krbSession.acceptor(krb.newAcceptor(krb.ftpPrincipal()));
        session.dataProtection(krbSession::dataProtection);
        return FtpReply.of(334, "Using authentication type GSSAPI; ADAT must follow");
    }
}
