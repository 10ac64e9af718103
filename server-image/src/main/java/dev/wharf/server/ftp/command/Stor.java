package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * STOR file: 150 → 226. Atomic: the data goes to a hidden temporary that replaces the file only when
 * complete. After REST n it writes in place from n (resume). 553 name refused or exists with
 * transfer.overwrite off, 550 not allowed, 452 no space.
 */
public final class Stor implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "STOR needs a file name");
        }
        Transfers.requireDataConnection(session);
        String path = session.resolve(argument);
        long offset = session.takeRestOffset();
        UploadMode mode = offset > 0 ? UploadMode.RESUME : UploadMode.REPLACE;
        return Transfers.upload(session, path, mode, offset,
                "Opening " + Transfers.modeName(session) + " mode data connection for " + path);
    }
}
