package dev.wharf.server.ftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.GuardedStorage;
import dev.wharf.server.fs.Jail;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.metrics.ServerMetrics;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;

/**
 * Command-level tests without sockets: a session of user {@code jane} logged in at {@code root} with the
 * door's settings (transfer.overwrite included), on any command table.
 */
public final class CommandSessions {

    private CommandSessions() {}

    public static FtpSession loggedIn(ServerContext context, FtpSettings settings, CommandTable table, Path root,
                                      AccessPolicy policy) throws Exception {
        SessionServices services = new SessionServices(context, settings, table, null, null, FileChannelOpener.DEFAULT);
        FtpSession s = new FtpSession(services, new InetSocketAddress("127.0.0.1", 40000),
                new InetSocketAddress("127.0.0.1", settings.port()));
        s.loggedIn(new GuardedStorage(new Jail(root), policy, new SessionStorage.Login(settings.door(),
                Identity.passwordUser("jane", Set.of()), false, settings.overwrite()), ServerMetrics.NONE, null), "/");
        return s;
    }

    /** See {@link CommandLines#run}. */
    public static String run(FtpSession s, String line) throws FtpException {
        return CommandLines.run(s, line);
    }
}
