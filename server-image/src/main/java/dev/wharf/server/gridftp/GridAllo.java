package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * ALLO n [R m] on the gsiftp door: 200, and n is kept in {@link GridFtpState} as the expected size of
 * the next upload (MODE E uses it to refuse a block beyond it). 501 when n is not a number.
 */
final class GridAllo implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        long bytes = dev.wharf.server.ftp.command.Allo.size(argument);
        GridFtpState.of(session).allocation(bytes);
        session.announceSize(bytes); // a shorter upload is not kept, in either mode
        return FtpReply.of(200, "ALLO " + bytes + " bytes noted for the next upload");
    }
}
