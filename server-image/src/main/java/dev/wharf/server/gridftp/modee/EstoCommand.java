package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.PreparedTransfer;
import dev.wharf.server.ftp.PreparedTransfer.Preliminary;
import dev.wharf.server.ftp.TransferPayload;
import dev.wharf.server.ftp.TransferPayload.Placement;

/**
 * ESTO A offset path (GFD.20 adjusted store): the data lands {@code offset} bytes further than it
 * says (MODE S: from {@code offset} on), in place in an existing file, in the session's transfer mode.
 * Other modules: 504.
 */
final class EstoCommand implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String[] parts = PartialArguments.split(argument, "ESTO", "A", 3, "ESTO A <offset> <path>");
        long offset = PartialArguments.number(parts[1], "offset");
        session.transferMode().requireReady(session, false);
        String path = session.resolve(parts[2]);
        session.takeRestOffset();
        String type = session.type() == FtpSession.Type.ASCII ? "ASCII" : "BINARY";
        return new Outcome.StartTransfer(PreparedTransfer.upload(new TransferPayload.Store(path, Placement.PARTIAL, offset),
                Preliminary.of("Opening " + type + " mode data connection for " + path, path)));
    }
}
