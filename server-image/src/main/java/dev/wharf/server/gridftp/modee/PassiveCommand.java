package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/**
 * PASV/EPSV in MODE E: the FTP door's command, and then its listener keeps accepting, because the
 * client opens all its streams to that one port (it may do so the moment it reads the reply).
 */
final class PassiveCommand implements InlineCommand {

    private final FtpCommand ftpPassive;
    private final ModeESettings settings;

    PassiveCommand(FtpCommand ftpPassive, ModeESettings settings) {
        this.ftpPassive = ftpPassive;
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        Outcome reply = ftpPassive.execute(session, argument);
        if (ModeEState.on(session)) {
            streamsOnListener(session, settings);
        }
        return reply;
    }

    /** Turns the listener just arranged into a {@link StreamSet}; returns it (null when there is none). */
    static PassiveListener streamsOnListener(FtpSession session, ModeESettings settings) {
        DataEndpoint e = session.takeDataEndpoint();
        if (e instanceof PassiveListener listener) {
            session.dataEndpoint(StreamSet.passive(listener, settings.maxStreams()));
            return listener;
        }
        if (e != null) {
            session.dataEndpoint(e);
        }
        return null;
    }
}
