package dev.wharf.server.ftp.command;

import dev.wharf.server.data.FileSender;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.StorageReplies;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * RETR file: 150 → 226; starts at the REST offset. 425 no data connection, 550 missing / not a file /
 * not allowed, 554 REST beyond the end. Binary downloads on plain channels are zero-copy.
 */
public final class Retr implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "RETR needs a file name");
        }
        Transfers.requireDataConnection(session);
        String path = session.resolve(argument);
        long offset = session.takeRestOffset();
        FileEntry entry = StorageReplies.call(() -> session.storage().statForRead(path), false);
        if (!entry.isFile()) {
            throw new FtpException(550, path + ": not a plain file");
        }
        FileChannel file = StorageReplies.call(() -> session.storage().openRead(path), false);
        long size;
        try {
            size = file.size();
        } catch (IOException e) {
            close(file);
            throw new FtpException(451, "Local error: " + e.getMessage());
        }
        if (offset > size) {
            close(file);
            throw new FtpException(554, "Restart offset " + offset + " is beyond the end of the file (" + size + ")");
        }
        boolean ascii = session.type() == FtpSession.Type.ASCII;
        FileSender sender = new FileSender(file, offset, size - offset, ascii);
        String text = "Opening " + Transfers.modeName(session) + " mode data connection for " + path
                + " (" + (size - offset) + " bytes)";
        return new Outcome.StartTransfer(FtpReply.of(150, text),
                PreparedTransfer.download(path, sender, ascii ? -1 : size - offset));
    }

    private static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // read-only channel: nothing to lose
        }
    }
}
