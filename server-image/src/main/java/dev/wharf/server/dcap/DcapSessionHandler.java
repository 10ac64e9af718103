package dev.wharf.server.dcap;

import dev.wharf.server.Drain;
import dev.wharf.server.ServerContext;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.SessionStorage;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.net.ClientAddress;
import dev.wharf.server.net.LoginGrace;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One dCap control connection: hello first, then requests routed by session id. Requests run on the
 * blocking executor (storage work never runs on the event loop); replies are written back as lines.
 * Plain dCap sessions act as the anonymous principal through {@link WorldModePolicy}; gsidcap
 * sessions as the grid identity the tunnel authenticated, under the server's access policy.
 */
final class DcapSessionHandler extends SimpleChannelInboundHandler<String> {

    private static final Logger LOG = LoggerFactory.getLogger(DcapSessionHandler.class);
    private static final ClientMistakes MISTAKES = new ClientMistakes(LOG, Level.INFO);

    private final ServerContext context;
    private final DcapSettings settings;
    private final DataChannelFactory data;
    private final FileChannelOpener opener;
    private final Map<Long, DcapMover> movers = new ConcurrentHashMap<>();
    /**
     * Transfers from the moment their open request is read until their reply: a mover is only known
     * once its data connection is set up, and a drain or idle timeout in between must not close the
     * session under it.
     */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Consumer<DcapRequest>> sessionRequests = sessionRequests();
    private volatile Storage storage;
    private volatile boolean greeted;
    /** The server is shutting down: no new transfers; the connection closes once none runs. */
    private volatile boolean draining;
    private ChannelHandlerContext ctx;

    DcapSessionHandler(ServerContext context, DcapSettings settings, DataChannelFactory data, FileChannelOpener opener) {
        this.opener = opener;
        this.context = context;
        this.settings = settings;
        this.data = data;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Fired by the connection policy once the client is admitted. */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context.metrics().sessionOpened(settings.door());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        context.metrics().sessionClosed(settings.door());
        movers.values().forEach(m -> m.cancel("control connection closed"));
        movers.clear();
        running.clear();
        if (storage != null) {
            storage.close(); // the jail's root descriptor, once the requests still running are done
        }
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        DcapRequest request;
        try {
            request = DcapLineParser.parse(stripCr(line));
        } catch (DcapProtocolException e) {
            MISTAKES.report(settings.door() + ": bad control line from " + ctx.channel().remoteAddress(), e);
            reply(DcapReplies.failed(0, 0, DcapFailure.protocol(e.getMessage())));
            return;
        }
        if (!greeted) {
            if (!request.verb().equals("hello")) {
                reply(DcapReplies.failed(request, DcapFailure.protocol("hello expected first")));
                return;
            }
            context.blockingExecutor().execute(this::login);
            return;
        }
        sessionRequests.getOrDefault(request.verb(), this::namespaceOffLoop).accept(request);
    }

    /** Requests of the session itself, by verb; every other verb is a name-space request. */
    private Map<String, Consumer<DcapRequest>> sessionRequests() {
        return Map.of(
                "hello", r -> reply(DcapReplies.welcome()),
                "ping", r -> reply(DcapReplies.pong(r)),
                "byebye", r -> farewell(),
                "open", r -> openOffLoop(r, false),
                "opendir", r -> openOffLoop(r, true));
    }

    private void openOffLoop(DcapRequest r, boolean listing) {
        if (draining) {
            reply(DcapReplies.failed(r, new DcapFailure(DcapFailure.INTERNAL, "server shutting down", "EIO")));
            return;
        }
        running.add(r.sessionId());
        context.blockingExecutor().execute(() -> open(r, listing));
    }

    private void namespaceOffLoop(DcapRequest r) {
        context.blockingExecutor().execute(() -> namespace(r));
    }

    private void farewell() {
        ctx.writeAndFlush(new DcapReply(DcapReplies.byebye())).addListener(f -> ctx.close());
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Builds the anonymous session's storage view, then welcomes the client. */
    private void login() {
        try {
            Identity tunnelled = ctx.channel().attr(TunnelHandler.IDENTITY).get();
            Identity identity = tunnelled != null ? tunnelled : Identity.anonymous();
            // Plain (anonymous) dCap only adds the world mode bits where no ACL file decides (WorldModePolicy).
            storage = SessionStorage.open(context, settings.requireRoot(),
                    new SessionStorage.Login(settings.door(), identity, false, settings.overwrite()), opener,
                    identity.isAnonymous() ? WorldModePolicy::new : SessionStorage.PolicyScope.NONE);
            greeted = true;
            LoginGrace.authenticated(ctx.channel());
            context.metrics().login(settings.door(), "success");
            reply(DcapReplies.welcome());
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: storage root unusable: {}", settings.door(), e.toString());
            context.metrics().login(settings.door(), "failure");
            farewell();
        }
    }

    private void namespace(DcapRequest r) {
        if (!NamespaceRequests.handles(r.verb())) {
            reply(DcapReplies.failed(r, DcapFailure.protocol("unknown request " + r.verb())));
            return;
        }
        try {
            reply(NamespaceRequests.execute(storage, r));
        } catch (DcapProtocolException e) {
            reply(DcapReplies.failed(r, DcapFailure.protocol(e.getMessage())));
        } catch (StorageException e) {
            reply(DcapReplies.failed(r, DcapFailure.of(e)));
        }
    }

    /** {@code open}, or {@code opendir} ({@code listing}): both serve a data connection. */
    private void open(DcapRequest r, boolean listing) {
        // Behind a proxy the data connection comes from the client itself: compare with the header's address.
        InetSocketAddress peer = ClientAddress.of(ctx.channel());
        try {
            Transfers transfers = new Transfers(context, settings, data, storage);
            DcapMover mover = listing
                    ? transfers.listDirectory(r, OpenRequest.parseOpendir(r), peer, failure -> finished(r, failure), this::reply)
                    : transfers.open(r, OpenRequest.parse(r), peer, failure -> finished(r, failure), this::reply);
            movers.put(r.sessionId(), mover);
            if (!running.contains(r.sessionId())) {
                movers.remove(r.sessionId()); // it finished before it was filed
            }
        } catch (DcapProtocolException e) {
            notStarted(r, DcapFailure.protocol(e.getMessage()));
        } catch (StorageException e) {
            notStarted(r, DcapFailure.of(e));
        } catch (IOException e) {
            LOG.warn("{}: no data connection for {}: {}", settings.door(), peer, e.toString());
            notStarted(r, new DcapFailure(DcapFailure.INTERNAL, "no data connection: " + e.getMessage(), "EIO"));
        }
    }

    private void notStarted(DcapRequest r, DcapFailure failure) {
        ctx.executor().execute(() -> {
            running.remove(r.sessionId());
            reply(DcapReplies.failed(r, failure));
            closeIfDrained();
        });
    }

    /**
     * On the control connection's event loop, like the drain event: a drain handled between the transfer
     * leaving {@link #running} and its reply being written would close the session with the reply unsent.
     */
    private void finished(DcapRequest r, DcapFailure failure) {
        ctx.executor().execute(() -> {
            running.remove(r.sessionId());
            movers.remove(r.sessionId());
            if (ctx.channel().isActive()) {
                reply(failure == null ? DcapReplies.ok(r) : DcapReplies.failed(r, failure));
            }
            closeIfDrained();
        });
    }

    /** While the server drains, a session closes as soon as no transfer of it runs (after its last reply). */
    private void closeIfDrained() {
        if (draining && running.isEmpty() && ctx.channel().isActive()) {
            LOG.info("{}: server shutting down, closing the control connection from {}", settings.door(),
                    ClientAddress.of(ctx.channel()));
            ctx.close();
        }
    }

    private void reply(String line) {
        ctx.writeAndFlush(new DcapReply(line));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == Drain.REQUESTED) {
            draining = true;
            closeIfDrained();
        } else if (evt instanceof IdleStateEvent && running.isEmpty()) {
            LOG.info("{}: closing idle control connection from {}", settings.door(), ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            MISTAKES.report(settings.door() + ": control line too long from " + ctx.channel().remoteAddress(), null);
            reply(DcapReplies.failed(0, 0, DcapFailure.protocol("control line longer than " + DcapLineParser.MAX_LINE)));
            return;
        }
        LOG.debug("{}: control connection error: {}", settings.door(), cause.toString());
        ctx.close();
    }
}
