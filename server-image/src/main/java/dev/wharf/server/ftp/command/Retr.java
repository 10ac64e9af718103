package dev.wharf.server.ftp.command;

import dev.wharf.server.data.FileSender;
import dev.wharf.server.ftp.DownloadFile;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;

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
        DownloadFile file = DownloadFile.open(session, path, offset, "Restart offset");
        long size = file.size();
        boolean ascii = session.type() == FtpSession.Type.ASCII;
        FileSender sender = new FileSender(file.channel(), offset, size - offset, ascii);
        String text = "Opening " + Transfers.modeName(session) + " mode data connection for " + path
                + " (" + (size - offset) + " bytes)";
        return new Outcome.StartTransfer(FtpReply.of(150, text),
                PreparedTransfer.download(path, sender, ascii ? -1 : size - offset));
    }
}
