package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/**
 * REST: the restart point of the next transfer, read by the session's transfer mode (MODE S: REST n,
 * RFC 3659 stream restart, 350, 501 when n is not a byte offset; MODE E: ranges the receiver has).
 */
public final class Rest implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        return session.transferMode().restart(session, argument);
    }
}
