package dev.wharf.server.ftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.metrics.ServerMetrics;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

/**
 * Command-level tests without sockets: a session of user {@code jane} logged in at {@code root}, and a
 * command line run through the session's table as the session handler runs it (policy flags aside).
 */
public final class CommandSessions {

    private CommandSessions() {}

    public static FtpSession loggedIn(ServerContext context, FtpSettings settings, CommandTable table, Path root,
                                      AccessPolicy policy) throws Exception {
        SessionServices services = new SessionServices(context, settings, table, null, null, FileChannelOpener.DEFAULT);
        FtpSession s = new FtpSession(services, new InetSocketAddress("127.0.0.1", 40000),
                new InetSocketAddress("127.0.0.1", settings.port()));
        s.loggedIn(new GuardedStorage(new Jail(root), Identity.passwordUser("jane", Set.of()), policy, false, settings.overwrite(),
                ServerMetrics.NONE, settings.door()), "/");
        return s;
    }

    /** "VERB arg" → "code line1\nline2..." of the reply; refusals throw {@link FtpException}. */
    public static String run(FtpSession s, String line) throws FtpException {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        String arg = space < 0 ? "" : line.substring(space + 1);
        FtpReply reply = (FtpReply) s.services().commands().get(verb).command().execute(s, arg);
        return reply.code() + " " + String.join("\n", reply.lines());
    }
}
