package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;

/**
 * SIZE file (RFC 3659): 213 bytes; 550 missing or not a plain file. In TYPE A the size on the wire
 * differs from the file's, so SIZE answers 550 there (RFC 3659 §4 allows that) rather than reading
 * the whole file.
 */
public final class Size implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "SIZE needs a file name");
        }
        String path = session.resolve(argument);
        FileEntry e = StorageReplies.call(() -> session.storage().statForRead(path), false);
        if (!e.isFile()) {
            throw new FtpException(550, path + ": not a plain file");
        }
        if (session.type() == FtpSession.Type.ASCII) {
            throw new FtpException(550, "SIZE is not available in ASCII mode, use TYPE I");
        }
        return FtpReply.of(213, String.valueOf(e.size()));
    }
}
