package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * A transfer verb Wharf runs only in MODE S (LIST, NLST, MLSD, APPE, STOU): in MODE E it is refused
 * with 504 before any data connection is touched, so the cached streams stay usable. globus-url-copy
 * switches to MODE S for its MLSD listings.
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
