package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.TransferPayload.Placement;

/**
 * STOR file: 150 → 226. Atomic: the data goes to a hidden temporary that replaces the file only when
 * complete. After REST n it writes in place from n (resume). 553 name refused or exists with
 * transfer.overwrite off, 550 not allowed, 452 no space. (In MODE E a REST with ranges makes it write
 * in place only what is missing.)
 */
public final class Stor implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (argument.isEmpty()) {
            throw new FtpException(501, "STOR needs a file name");
        }
        Transfers.requireReady(session);
        String path = session.resolve(argument);
        long offset = session.takeRestOffset();
        return Transfers.upload(path, Placement.REPLACE, offset,
                Preliminary.of("Opening " + Transfers.modeName(session) + " mode data connection for " + path, path));
    }
}
