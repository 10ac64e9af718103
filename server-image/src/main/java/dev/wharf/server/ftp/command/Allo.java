package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;

/** ALLO n [R m]: 202, storage needs no reservation; 501 when n is not a number. */
public final class Allo implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        if (!argument.strip().matches("\\d{1,19}( +R +\\d{1,19})?")) {
            throw new FtpException(501, "ALLO needs a byte count");
        }
        return FtpReply.of(202, "No storage allocation necessary");
    }
}
