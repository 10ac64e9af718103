package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/** MODE S: 200; other modes 504 (the GridFTP door registers its own MODE with E). */
public final class Mode implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String m = argument.strip().toUpperCase(Locale.ROOT);
        if (m.isEmpty()) {
            throw new FtpException(501, "MODE needs an argument");
        }
        if (!m.equals("S")) {
            throw new FtpException(504, "MODE " + m + " not supported, use S");
        }
        return FtpReply.of(200, "Mode set to S");
    }
}
