package dev.wharf.server.ftp.command;

import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** APPE file: like STOR but appends (creating the file if missing); a failed append restores the old length. */
public final class Appe implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "APPE needs a file name");
        }
        Transfers.requireDataConnection(session);
        String path = session.resolve(argument);
        session.takeRestOffset();
        return Transfers.upload(session, path, UploadMode.APPEND, 0,
                "Opening " + Transfers.modeName(session) + " mode data connection to append to " + path);
    }
}
