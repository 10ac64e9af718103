package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** RNTO new: 250; 503 without RNFR; 553 name refused or exists (overwrite off); 550 otherwise. */
public final class Rnto implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String from = session.renameFrom();
        session.renameFrom(null);
        if (from == null) {
            throw new FtpException(503, "RNFR first");
        }
        if (argument.isEmpty()) {
            throw new FtpException(501, "RNTO needs a name");
        }
        String to = session.resolve(argument);
        StorageReplies.call(() -> {
            session.storage().rename(from, to);
            return null;
        }, true);
        return FtpReply.of(250, "Renamed " + from + " to " + to);
    }
}
