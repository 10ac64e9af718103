package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.TransferMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MODE S (and the modes a door adds, GridFTP's E): 200, and the session's transfers use that mode from
 * now on; leaving a mode closes the connections it kept. 501 without an argument, 504 other modes.
 */
public final class Mode implements InlineCommand {

    private final Map<String, TransferMode> modes = new LinkedHashMap<>();

    /** MODE S only. */
    public Mode() {
        this(TransferMode.STREAM);
    }

    public Mode(TransferMode... offered) {
        for (TransferMode m : offered) {
            modes.put(m.letter(), m);
        }
    }

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String m = argument.strip().toUpperCase(Locale.ROOT);
        if (m.isEmpty()) {
            throw new FtpException(501, "MODE needs an argument");
        }
        TransferMode chosen = modes.get(m);
        if (chosen == null) {
            throw new FtpException(504, "MODE " + m + " not supported, use " + String.join(" or ", modes.keySet()));
        }
        if (chosen != session.transferMode()) {
            session.dropCachedDataConnections();
            session.transferMode(chosen);
        }
        return FtpReply.of(200, "Mode set to " + m);
    }
}
