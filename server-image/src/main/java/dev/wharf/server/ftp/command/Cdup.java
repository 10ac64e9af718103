package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** CDUP: to the parent (stays at "/" at the root); 200. */
public final class Cdup implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        return Cwd.change(session, session.cwd().equals("/") ? "/" : "..", 200);
    }
}
