package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/** REST n (RFC 3659 stream restart): 350; the next RETR/STOR starts at byte n. 501 not a number. */
public final class Rest implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        long offset;
        try {
            offset = Long.parseLong(argument.strip());
        } catch (NumberFormatException e) {
            throw new FtpException(501, "REST needs a byte offset");
        }
        if (offset < 0) {
            throw new FtpException(501, "REST needs a byte offset >= 0");
        }
        session.restOffset(offset);
        return FtpReply.of(350, "Restarting at " + offset + ". Send STOR or RETR");
    }
}
