package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * ALLO n [R m] on the GridFTP tables: 200, and n is the expected size of the next upload (globus-url-copy
 * sends {@code ALLO <size>} before every STOR/ESTO): MODE E refuses a block beyond it, MODE S does not
 * keep a file that arrives shorter. 501 when n is not a number.
 */
final class GridAllo implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        long bytes = dev.wharf.server.ftp.command.Allo.size(argument);
        session.announceSize(bytes);
        return FtpReply.of(200, "ALLO " + bytes + " bytes noted for the next upload");
    }
}
