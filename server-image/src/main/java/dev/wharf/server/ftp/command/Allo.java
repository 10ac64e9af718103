package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/**
 * ALLO n [R m]: 202, storage needs no reservation, but n is kept as the size of the next upload: in stream
 * mode the end of the data connection is the only end of file, and a file that arrives shorter than
 * announced (a killed client) is then not kept. 501 when n is not a number.
 */
public final class Allo implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        session.announceSize(size(argument));
        return FtpReply.of(202, "No storage allocation necessary");
    }

    /** n of {@code n [R m]}; 501 when it is not a byte count. */
    public static long size(String argument) throws FtpException {
        String arg = argument.strip();
        if (!arg.matches("\\d{1,18}( +R +\\d{1,18})?")) {
            throw new FtpException(501, "ALLO needs a byte count");
        }
        int space = arg.indexOf(' ');
        return Long.parseLong(space < 0 ? arg : arg.substring(0, space));
    }
}
