package dev.wharf.server.ftp.command;

import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.InlineCommand;
import dev.wharf.server.ftp.Outcome;

/** PWD: 257 "dir" with any quote in the name doubled (RFC 959 Appendix II). */
public final class Pwd implements InlineCommand {

    @Override
    public Outcome execute(FtpSession session, String argument) {
        return FtpReply.of(257, quote(session.cwd()) + " is the current directory");
    }

    public static String quote(String path) {
        return "\"" + path.replace("\"", "\"\"") + "\"";
    }
}
