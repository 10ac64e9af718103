package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/** SYST: 215 UNIX Type: L8 (Commons Net and FileZilla pick their LIST parser from it). */
public final class Syst implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        return FtpReply.of(215, "UNIX Type: L8");
    }
}
