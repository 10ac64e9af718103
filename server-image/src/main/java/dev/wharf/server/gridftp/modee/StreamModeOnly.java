package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * APPE and STOU, which Wharf runs only in MODE S: in MODE E they are refused with 504 before any data
 * connection is touched, so the cached streams stay usable.
 */
final class StreamModeOnly implements FtpCommand {

    private final String verb;
    private final FtpCommand ftpCommand;

    StreamModeOnly(String verb, FtpCommand ftpCommand) {
        this.verb = verb;
        this.ftpCommand = ftpCommand;
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (ModeEState.on(session)) {
            throw new FtpException(504, verb + " is served in MODE S only; send MODE S first");
        }
        return ftpCommand.execute(session, argument);
    }
}
