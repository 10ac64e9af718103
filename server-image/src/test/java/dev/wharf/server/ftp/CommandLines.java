package dev.wharf.server.ftp;

/** Runs one command line on a session straight through its command table, as the session handler would. */
public final class CommandLines {

    private CommandLines() {}

    /** The reply as "CODE line\nline…"; a refusal is the command's {@link FtpException}. */
    public static String run(FtpSession s, String line) throws FtpException {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String arg = space < 0 ? "" : line.substring(space + 1);
        FtpReply reply = (FtpReply) s.services().commands().get(verb).command().execute(s, arg);
        return reply.code() + " " + String.join("\n", reply.lines());
    }
}
