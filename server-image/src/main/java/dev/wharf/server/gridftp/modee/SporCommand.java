package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.ActiveEndpoint;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.command.Port;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * SPOR h1,h2,h3,h4,p1,p2 [...] (GFD.20 striped port): each address passes the FTP door's PORT checks
 * (syntax, the bounce rule); in MODE E the streams of a sending transfer are spread over them. In
 * MODE S only one address makes sense (then it is PORT); several: 504.
 */
final class SporCommand implements FtpCommand {

    private final FtpCommand ftpPort = new Port();
    private final ModeESettings settings;

    SporCommand(ModeESettings settings) {
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] addresses = argument.strip().split(" +");
        if (addresses.length == 0 || addresses[0].isEmpty()) {
            throw new FtpException(501, "SPOR needs h1,h2,h3,h4,p1,p2 [...]");
        }
        boolean modeE = ExtendedBlockMode.on(session);
        if (!modeE && addresses.length > 1) {
            throw new FtpException(504, "SPOR with several addresses needs MODE E");
        }
        List<InetSocketAddress> targets = new ArrayList<>();
        for (String address : addresses) {
            ftpPort.execute(session, address);
            DataEndpoint e = session.takeDataEndpoint();
            if (e instanceof ActiveEndpoint active) {
                targets.add(active.target());
            }
            if (e != null) {
                e.close();
            }
        }
        if (modeE) {
            session.dataEndpoint(StreamSet.active(session.services().dataChannels(), targets, settings.maxStreams(),
                    session.dataSocketBuffer()));
        } else {
            ftpPort.execute(session, addresses[0]);
        }
        return FtpReply.of(200, "SPOR command successful");
    }
}
