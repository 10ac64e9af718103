package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/** MODE S|E: 200; leaving MODE E closes the cached MODE E data connections. 504 other modes. */
final class ModeCommand implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String m = argument.strip().toUpperCase(Locale.ROOT);
        ModeEState state = ModeEState.of(session);
        switch (m) {
            case "E" -> state.on(true);
            case "S" -> {
                state.on(false);
                ModeEState.closeCachedStreams(session);
            }
            case "" -> throw new FtpException(501, "MODE needs an argument");
            default -> throw new FtpException(504, "MODE " + m + " not supported, use S or E");
        }
        return FtpReply.of(200, "Mode set to " + m);
    }
}
