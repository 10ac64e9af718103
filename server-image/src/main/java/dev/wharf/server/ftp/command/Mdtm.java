package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.MlsxFacts;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/** MDTM file (RFC 3659): 213 YYYYMMDDHHMMSS in UTC; 550 missing. */
public final class Mdtm implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "MDTM needs a file name");
        }
        String path = session.resolve(argument);
        FileEntry e = StorageReplies.call(() -> session.storage().statForRead(path), false);
        return FtpReply.of(213, MlsxFacts.TIMESTAMP.format(e.modified()));
    }
}
