package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** RNFR old: 350 when it exists (remembered for RNTO); 550 otherwise. */
public final class Rnfr implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "RNFR needs a name");
        }
        String path = session.resolve(argument);
        StorageReplies.call(() -> session.storage().lstat(path), false);
        session.renameFrom(path);
        return FtpReply.of(350, "Ready for RNTO");
    }
}
