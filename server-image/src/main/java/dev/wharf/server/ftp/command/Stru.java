package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/** STRU F: 200; R and P 504. */
public final class Stru implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String s = argument.strip().toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new FtpException(501, "STRU needs an argument");
        }
        if (!s.equals("F")) {
            throw new FtpException(504, "STRU " + s + " not supported, use F");
        }
        return FtpReply.of(200, "Structure set to F");
    }
}
