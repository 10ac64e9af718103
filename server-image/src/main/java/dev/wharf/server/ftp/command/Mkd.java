package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** MKD dir: 257 "dir" created; 550 exists / parent missing / not allowed, 553 name refused. */
public final class Mkd implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "MKD needs a directory name");
        }
        String path = session.resolve(argument);
        try {
            session.storage().makeDirectory(path);
        } catch (dev.wharf.server.fs.StorageException e) {
            throw StorageReplies.toFtp(e, e.reason() == dev.wharf.server.fs.StorageException.Reason.REFUSED);
        }
        return FtpReply.of(257, Pwd.quote(path) + " created");
    }
}
