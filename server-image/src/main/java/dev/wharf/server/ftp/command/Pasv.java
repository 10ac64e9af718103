package dev.wharf.server.ftp.command;

import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * PASV: a listener on the data interface, which the 227 reply advertises (it may differ from the
 * control address). 522 when the data interface is IPv6 (PASV cannot express it), 425 when no
 * port is free, 503 after EPSV ALL.
 */
public final class Pasv implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (session.epsvAll()) {
            throw new FtpException(503, "PASV not allowed after EPSV ALL");
        }
        if (!(session.services().dataChannels().dataInterface() instanceof Inet4Address)) {
            throw new FtpException(522, "PASV needs an IPv4 data interface, use EPSV");
        }
        InetSocketAddress a = listen(session).address();
        byte[] ip = a.getAddress().getAddress();
        return FtpReply.of(227, String.format("Entering Passive Mode (%d,%d,%d,%d,%d,%d)", ip[0] & 0xff, ip[1] & 0xff,
                ip[2] & 0xff, ip[3] & 0xff, a.getPort() >> 8, a.getPort() & 0xff));
    }

    /**
     * A new passive listener as the session's data endpoint (the transfer mode decides how it accepts);
     * the previous endpoint is closed. 425 when no port is free.
     */
    public static PassiveListener listen(FtpSession session) throws FtpException {
        session.dataEndpoint(null);
        try {
            // a third-party transfer's data comes from the other server: then any peer may connect
            PassiveListener listener = session.services().dataChannels().listen(
                    Port.thirdPartyAllowed(session) ? null : session.client().getAddress(), session.dataSocketBuffer(),
                    session.controlLoop());
            session.dataEndpoint(listener);
            return listener;
        } catch (IOException e) {
            throw new FtpException(425, "Can't open passive connection: " + e.getMessage());
        }
    }
}
