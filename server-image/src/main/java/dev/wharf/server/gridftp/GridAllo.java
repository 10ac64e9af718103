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
        String arg = argument.strip();
        if (!arg.matches("\\d{1,18}( +R +\\d{1,18})?")) {
            throw new FtpException(501, "ALLO needs a byte count");
        }
        int space = arg.indexOf(' ');
        long bytes = Long.parseLong(space < 0 ? arg : arg.substring(0, space));
        GridFtpState.of(session).allocation(bytes);
        return FtpReply.of(200, "ALLO " + bytes + " bytes noted for the next upload");
    }
}
