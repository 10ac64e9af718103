package dev.wharf.server.gridftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.ftp.FtpCommand;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PASS on the gsiftp door: after a GSSAPI USER the password is superfluous; the session is jailed
 * at {@link GridFtpRoots#rootFor} and logged in (230). Otherwise the FTP password login when allowed.
 */
final class GsiPass implements FtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(GsiPass.class);

    private final GridFtpRoots roots;
    private final FtpCommand passwordPass;

    GsiPass(GridFtpRoots roots, FtpCommand passwordPass) {
        this.roots = roots;
        this.passwordPass = passwordPass;
    }

    @Override
    public Outcome execute(FtpSession session, String password) throws FtpException {
        GsiSession gss = GsiSession.of(session);
        Identity identity = gss.pendingIdentity();
        if (identity == null) {
            if (gss.established() || passwordPass == null) {
                throw new FtpException(503, "Login with USER first");
            }
            return passwordPass.execute(session, password);
        }
        gss.pendingIdentity(null);
        ServerContext ctx = session.services().context();
        Path root = roots.rootFor(identity).orElseThrow(() -> {
            LOG.warn("{}: no storage root for {} (set storage.root)", session.door(), identity.principal());
            ctx.metrics().login(session.door(), "failure");
            return new FtpException(530, "Login failed: no storage for this identity");
        });
        Storage storage;
        try {
            storage = SessionStorage.open(ctx, root, new SessionStorage.Login(session.door(), identity, false,
                    session.settings().overwrite()), session.services().opener());
        } catch (IOException e) {
            LOG.error("{}: storage root {} of {} is unusable: {}", session.door(), root, identity.principal(), e.toString());
            ctx.metrics().login(session.door(), "failure");
            throw new FtpException(530, "Login failed: storage unavailable");
        }
        session.loggedIn(storage, "/");
        ctx.metrics().login(session.door(), "success");
        LOG.info("{}: {} logged in from {}", session.door(), identity.principal(), session.client());
        return FtpReply.of(230, "User " + identity.principal() + " logged in");
    }
}
