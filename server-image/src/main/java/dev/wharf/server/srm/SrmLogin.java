package dev.wharf.server.srm;

import dev.wharf.server.ServerContext;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.gridftp.GridFtpRoots;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiLogin;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.LoginRefusedException;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.net.ClientAddress;
import dev.wharf.server.net.LoginGrace;
import dev.wharf.server.srm.v22.TStatusCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login of an httpg connection, once its GSI context exists: the DN through the grid-mapfile
 * ({@link GsiLogin}, default mapping: SRM has no user name), the root as for gsiftp
 * ({@link GridFtpRoots}), the session's storage from {@code fs.SessionStorage.open}. The outcome is put
 * on the channel: a {@link SrmSession}, or a {@link Refusal} that every call on the connection is
 * answered with (in the operation's own response type, so gfal2 shows why) before the connection closes.
 */
final class SrmLogin {

    static final AttributeKey<SrmSession> SESSION = AttributeKey.valueOf("wharf.srm.session");
    static final AttributeKey<Refusal> REFUSAL = AttributeKey.valueOf("wharf.srm.refusal");

    record Refusal(TStatusCode code, String why) {}

    private static final Logger LOG = LoggerFactory.getLogger(SrmLogin.class);

    private final ServerContext context;
    private final String door;
    private final GsiService gsi;
    private final GridFtpRoots roots;
    private final ClientMistakes mistakes;

    SrmLogin(ServerContext context, String door, GsiService gsi, GridFtpRoots roots, ClientMistakes mistakes) {
        this.context = context;
        this.door = door;
        this.gsi = gsi;
        this.roots = roots;
        this.mistakes = mistakes;
    }

    void login(ChannelHandlerContext ctx, GsiAcceptor acceptor) {
        Channel channel = ctx.channel();
        InetSocketAddress client = ClientAddress.of(channel);
        Identity identity;
        try {
            identity = GsiLogin.identify(acceptor.principal(), GsiLogin.GLOBUS_MAPPING, gsi.gridMap());
        } catch (LoginRefusedException e) {
            refuse(channel, client, TStatusCode.SRM_AUTHORIZATION_FAILURE, e.getMessage());
            return;
        }
        Optional<Path> root = roots.rootFor(identity);
        if (root.isEmpty()) {
            refuse(channel, client, TStatusCode.SRM_AUTHORIZATION_FAILURE, "no storage for " + identity.principal()
                    + " (the server has neither storage.root nor a home for its account)");
            return;
        }
        Storage storage;
        try {
            // overwrite off: srmMv never replaces a file; uploads replace through the transfer doors' own rules
            storage = SessionStorage.open(context, root.get(), new SessionStorage.Login(door, identity, false, false),
                    FileChannelOpener.DEFAULT);
        } catch (IOException e) {
            LOG.error("{}: storage root {} of {} is unusable: {}", door, root.get(), identity.principal(), e.toString());
            context.metrics().login(door, "failure");
            channel.attr(REFUSAL).set(new Refusal(TStatusCode.SRM_INTERNAL_ERROR, "storage unavailable"));
            return;
        }
        channel.closeFuture().addListener(f -> storage.close());
        channel.attr(SESSION).set(new SrmSession(door, client, identity, storage, acceptor.delegatedCredential()));
        LoginGrace.authenticated(channel);
        context.metrics().login(door, "success");
        LOG.info("{}: {} logged in from {} ({}, {})", door, identity.principal(), client, acceptor.protocol(),
                acceptor.delegatedCredential().isPresent() ? "delegated" : "no delegation");
    }

    private void refuse(Channel channel, InetSocketAddress client, TStatusCode code, String why) {
        mistakes.report(door + ": " + client + " refused: " + why, null);
        context.metrics().login(door, "refused");
        channel.attr(REFUSAL).set(new Refusal(code, why));
    }
}
