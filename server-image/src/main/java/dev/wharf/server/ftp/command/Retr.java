package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.DownloadFile;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.TransferPayload;

/**
 * RETR file: 150 → 226; starts at the REST offset. 425 no data connection, 550 missing / not a file /
 * not allowed, 554 REST beyond the end; the session's transfer mode may refuse first (MODE E: 504 TYPE A).
 */
public final class Retr implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "RETR needs a file name");
        }
        Transfers.requireReady(session);
        String path = session.resolve(argument);
        long offset = session.takeRestOffset();
        DownloadFile file = DownloadFile.open(session, path, offset, "Restart offset");
        long length = file.size() - offset;
        String what = path + " (" + length + " bytes)";
        return new Outcome.StartTransfer(PreparedTransfer.download(path,
                new TransferPayload.FileBytes(file.channel(), offset, length, 0),
                Preliminary.of("Opening " + Transfers.modeName(session) + " mode data connection for " + what, what)));
    }
}
