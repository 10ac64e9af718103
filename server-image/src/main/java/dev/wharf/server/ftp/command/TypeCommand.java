package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;
import java.util.Locale;

/** TYPE A [N] | I | L 8: 200; 504 for EBCDIC, Telnet/ASA formats and other byte sizes; 501 empty. */
public final class TypeCommand implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String t = argument.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (t) {
            case "A", "A N" -> session.type(FtpSession.Type.ASCII);
            case "I", "L 8", "L8" -> session.type(FtpSession.Type.BINARY);
            case "" -> throw new FtpException(501, "TYPE needs an argument");
            default -> throw new FtpException(504, "TYPE " + t + " not supported, use A or I");
        }
        return FtpReply.of(200, "Type set to " + (session.type() == FtpSession.Type.ASCII ? "A" : "I"));
    }
}
