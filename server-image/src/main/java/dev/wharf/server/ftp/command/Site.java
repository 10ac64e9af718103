package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ftp.StorageReplies;
import java.util.List;
import java.util.Locale;

/**
 * SITE HELP (214, works before login: globus-url-copy sends it first) and SITE CHMOD mode path (200;
 * 501 bad mode; 530 before login; 550 not allowed); SITE GETACL / SETACL ({@link SiteGetAcl},
 * {@link SiteSetAcl}). Other SITE commands: 504.
 */
public final class Site implements FtpCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) throws FtpException {
        String arg = argument.strip();
        int space = arg.indexOf(' ');
        String sub = (space < 0 ? arg : arg.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : arg.substring(space + 1).strip();
        switch (sub) {
            case "HELP" -> {
                return FtpReply.multi(214, "SITE commands:", List.of(" CHMOD <octal mode> <path>",
                        " GETACL [<dir>]", " SETACL <dir> <none|read|list|write|admin> <principal>", " HELP"), "End");
            }
            case "CHMOD" -> {
                return chmod(session, rest);
            }
            case "GETACL" -> {
                return new SiteGetAcl().execute(session, rest);
            }
            case "SETACL" -> {
                return new SiteSetAcl().execute(session, rest);
            }
            case "" -> throw new FtpException(501, "SITE needs a sub-command");
            default -> throw new FtpException(504, "SITE " + sub + " not implemented");
        }
    }

    private static Outcome chmod(FtpSession session, String rest) throws FtpException {
        if (!session.loggedIn()) {
            throw new FtpException(530, "Please login with USER and PASS");
        }
        int space = rest.indexOf(' ');
        if (space < 0 || !rest.substring(0, space).matches("[0-7]{1,4}")) {
            throw new FtpException(501, "SITE CHMOD needs an octal mode and a path");
        }
        int mode = Integer.parseInt(rest.substring(0, space), 8);
        String path = session.resolve(rest.substring(space + 1).strip());
        StorageReplies.call(() -> {
            session.storage().setMode(path, mode);
            return null;
        }, false);
        return FtpReply.of(200, "SITE CHMOD command ok");
    }
}
