package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** QUIT: 221 and close; a running transfer is finished (its final reply sent) first. */
public final class Quit implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        return new Outcome.Close(FtpReply.of(221, "Goodbye"));
    }
}
