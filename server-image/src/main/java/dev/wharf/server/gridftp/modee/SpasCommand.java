package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.command.Pasv;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * SPAS (GFD.20 striped passive): one listener per stripe; Wharf is one stripe, so one address line:
 * {@code 229-Entering Striped Passive Mode}, {@code  h1,h2,h3,h4,p1,p2}, {@code 229 End}. The listener
 * takes any number of the client's streams (up to limits.streams-per-client) in MODE E. IPv4 only (522).
 */
final class SpasCommand implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!argument.isBlank()) {
            throw new FtpException(522, "SPAS with IPv6 addresses is not supported; use SPAS");
        }
        if (session.epsvAll()) {
            throw new FtpException(503, "SPAS not allowed after EPSV ALL");
        }
        if (!(session.services().dataChannels().dataInterface() instanceof Inet4Address)) {
            throw new FtpException(522, "SPAS needs an IPv4 data interface, use EPSV");
        }
        PassiveListener listener = Pasv.listen(session);
        InetSocketAddress a = listener.address();
        byte[] ip = a.getAddress().getAddress();
        String hostPort = String.format("%d,%d,%d,%d,%d,%d", ip[0] & 0xff, ip[1] & 0xff, ip[2] & 0xff, ip[3] & 0xff,
                a.getPort() >> 8, a.getPort() & 0xff);
        return FtpReply.multi(229, "Entering Striped Passive Mode", List.of(" " + hostPort), "End");
    }
}
