package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/** NOOP: 200. */
public final class Noop implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        return FtpReply.of(200, "NOOP ok");
    }
}
