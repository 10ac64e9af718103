package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** RMD dir: 250; 550 missing, not empty, not a directory, not allowed. */
public final class Rmd implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "RMD needs a directory name");
        }
        String path = session.resolve(argument);
        if (path.equals("/")) {
            throw new FtpException(550, "The root cannot be removed");
        }
        StorageReplies.call(() -> {
            session.storage().removeDirectory(path);
            return null;
        }, false);
        return FtpReply.of(250, "Removed " + path);
    }
}
