package dev.wharf.server.gssftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a login whose identity a security exchange proved (GSI on gsiftp, Kerberos on krbftp):
 * the session is jailed at the identity's root ({@link GssMechanism#rootFor}) and logged in; 530 when it has no
 * usable storage.
 */
final class IdentityLogin {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityLogin.class);

    private IdentityLogin() {}

    static void complete(FtpSession session, Identity identity, Optional<Path> storageRoot) throws FtpException {
        ServerContext ctx = session.services().context();
        Path root = storageRoot.orElseThrow(() -> {
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
    }
}
