package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.TransferPayload.Placement;

/**
 * APPE file: like STOR but appends (creating the file if missing); a failed append restores the old length.
 * In MODE E the blocks' offsets count from the file's old end.
 */
public final class Appe implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "APPE needs a file name");
        }
        Transfers.requireReady(session);
        String path = session.resolve(argument);
        session.takeRestOffset();
        return Transfers.upload(path, Placement.APPEND, 0,
                Preliminary.of("Opening " + Transfers.modeName(session) + " mode data connection to append to " + path, path));
    }
}
