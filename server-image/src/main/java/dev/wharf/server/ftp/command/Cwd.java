package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** CWD dir: 250, or 550 when missing, not a directory or not allowed. */
public final class Cwd implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "CWD needs a directory");
        }
        return change(session, argument, 250);
    }

    static Outcome change(FtpSession session, String argument, int code) throws FtpException {
        String path = session.resolve(argument);
        StorageReplies.call(() -> session.storage().enter(path), false);
        session.cwd(path);
        return FtpReply.of(code, "Directory changed to " + path);
    }
}
