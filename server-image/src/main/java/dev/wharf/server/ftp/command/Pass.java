package dev.wharf.server.ftp.command;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.LoginService.LoginOutcome;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.VirtualPaths;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import dev.wharf.server.ServerContext;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PASS password: 230 and the session is jailed at the login's root, starting in its home; 530 on
 * failure (LoginService logs it); 503 without USER.
 */
public final class Pass implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(Pass.class);

    @Override
    public Outcome execute(FtpSession session, String password) throws FtpException {
        String user = session.pendingUser();
        if (user == null) {
            throw new FtpException(503, "Login with USER first");
        }
        ServerContext ctx = session.services().context();
        LoginOutcome outcome = ctx.logins().login(user, password, session.client().getAddress());
        if (!outcome.success()) {
            session.userGiven(null, false);
            ctx.metrics().login(session.door(), "failure");
            return FtpReply.of(530, outcome.message());
        }
        Storage storage;
        try {
            storage = SessionStorage.open(ctx, outcome.root(), new SessionStorage.Login(session.door(),
                    outcome.identity(), outcome.readOnly(), session.settings().overwrite()), session.services().opener());
        } catch (IOException e) {
            LOG.error("{}: storage root {} of {} is unusable: {}", session.door(), outcome.root(), user, e.toString());
            session.userGiven(null, false);
            ctx.metrics().login(session.door(), "failure");
            throw new FtpException(530, "Login failed: storage unavailable");
        }
        session.loggedIn(storage, home(storage, outcome.home()));
        ctx.metrics().login(session.door(), "success");
        // LoginService already logged the attempt once, at INFO; this only adds which door, when debugging.
        LOG.debug("{}: {} logged in from {}", session.door(), outcome.identity().principal(), session.client());
        return FtpReply.of(230, outcome.message());
    }

    private static String home(Storage storage, String home) {
        try {
            String path = VirtualPaths.resolve("/", home == null ? "/" : home);
            if (!storage.allowed(Operation.CHANGE_DIRECTORY, path)) {
                return "/";
            }
            storage.enter(path);
            return path;
        } catch (StorageException e) {
            return "/";
        }
    }
}
