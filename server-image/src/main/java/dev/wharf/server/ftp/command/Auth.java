package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/**
 * AUTH TLS (also SSL, TLS-C, TLS-P: curl tries SSL first) — RFC 4217: 234, and the handler inserts the
 * SslHandler before writing it; 431 when the door has no certificate, 504 unknown mechanism, 534 when
 * the channel is already protected.
 */
public final class Auth implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String mechanism) throws FtpException {
        String m = mechanism.strip().toUpperCase(Locale.ROOT);
        if (!(m.equals("TLS") || m.equals("SSL") || m.equals("TLS-C") || m.equals("TLS-P"))) {
            throw new FtpException(504, "Unknown security mechanism, use AUTH TLS");
        }
        if (session.tlsControl()) {
            throw new FtpException(534, "The control connection is already protected");
        }
        if (session.services().tls() == null) {
            throw new FtpException(431, "TLS is not available on this server");
        }
        session.tlsControl(true);
        return new Outcome.StartTls(FtpReply.of(234, "AUTH " + m + " OK, starting TLS"));
    }
}
