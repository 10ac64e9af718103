package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** DELE file: 250; 550 missing, a directory or not allowed. */
public final class Dele implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "DELE needs a file name");
        }
        String path = session.resolve(argument);
        StorageReplies.call(() -> {
            session.storage().delete(path);
            return null;
        }, false);
        return FtpReply.of(250, "Deleted " + path);
    }
}
