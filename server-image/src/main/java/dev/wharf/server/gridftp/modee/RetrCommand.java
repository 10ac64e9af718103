package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** RETR in MODE E: the whole file (minus REST ranges) in blocks over the session's streams; MODE S: the FTP door's RETR. */
final class RetrCommand implements FtpCommand {

    private final FtpCommand ftpRetr;
    private final ModeESettings settings;

    RetrCommand(FtpCommand ftpRetr, ModeESettings settings) {
        this.ftpRetr = ftpRetr;
        this.settings = settings;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!ModeEState.on(session)) {
            return ftpRetr.execute(session, argument);
        }
        if (argument.isEmpty()) {
            throw new FtpException(501, "RETR needs a file name");
        }
        return ModeETransfers.download(session, settings, argument, 0, -1, false);
    }
}
