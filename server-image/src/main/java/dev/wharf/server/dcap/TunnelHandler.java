package dev.wharf.server.dcap;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.gss.ContextRefusedException;
import dev.wharf.server.gss.SecurityContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import dev.wharf.server.log.ClientMistakes;

/**
 * libdcap's GSS tunnel, as {@code libgsiTunnel.so} (gsidcap) and {@code libgssTunnel.so} (krbdcap, Kerberos 5)
 * both speak it (dcap's plugins/gssapi/gssIoTunnel.c): every line both ways is {@code enc <base64>}.
 * First the GSS tokens of the handshake (client = initiator, mutual authentication, no delegation),
 * then each line carries a wrapped piece of the plain dCap conversation, which may hold several
 * control lines or part of one. The authenticated grid identity is put on the channel
 * ({@link #IDENTITY}) before the first plain line reaches the session. GSS work runs on the blocking
 * executor, one token after another.
 */
final class TunnelHandler extends ChannelDuplexHandler {

    static final AttributeKey<Identity> IDENTITY = AttributeKey.valueOf("wharf.dcap.identity");
    private static final Logger LOG = LoggerFactory.getLogger(TunnelHandler.class);
    // what peers send before they authenticate: a loop of junk must not flood the log
    private static final ClientMistakes MISTAKES = new ClientMistakes(LOG, Level.INFO);
    private static final String PREFIX = "enc ";

    private final TunnelMechanism mechanism;
    private final Executor blocking;
    private final String door;
    private SecurityContext acceptor;
    private volatile boolean established;
    private volatile boolean failed;
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private final StringBuilder partial = new StringBuilder();

    TunnelHandler(TunnelMechanism mechanism, Executor blocking, String door) {
        this.mechanism = mechanism;
        this.blocking = blocking;
        this.door = door;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        String line = ((String) msg).strip();
        if (!line.startsWith(PREFIX)) {
            MISTAKES.report(door + ": " + ctx.channel().remoteAddress() + " sent a line outside the tunnel; closing", null);
            ctx.close();
            return;
        }
        byte[] token;
        try {
            token = Base64.getDecoder().decode(line.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            MISTAKES.report(door + ": bad base64 in the tunnel from " + ctx.channel().remoteAddress() + "; closing", null);
            ctx.close();
            return;
        }
        chain = chain.thenRunAsync(() -> process(ctx, token), blocking);
    }

    private void process(ChannelHandlerContext ctx, byte[] token) {
        if (!ctx.channel().isActive() || failed) {
            return; // tokens queued behind a refusal: the close is under way, one log line is enough
        }
        try {
            if (!established) {
                handshake(ctx, token);
            } else {
                deliver(ctx, new String(acceptor.unwrap(token, 0, token.length).plain(), StandardCharsets.ISO_8859_1));
            }
        } catch (TunnelMechanism.Refused e) {
            failed = true;
            MISTAKES.report(door + ": " + ctx.channel().remoteAddress() + " refused: " + e.getMessage(), null);
            byte[] out = e.outputToken();
            if (out.length > 0) {
                ctx.writeAndFlush(PREFIX + Base64.getEncoder().encodeToString(out) + "\n").addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.close();
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            MISTAKES.report(door + ": tunnel from " + ctx.channel().remoteAddress() + " broken", e);
            ctx.close();
        }
    }

    private void handshake(ChannelHandlerContext ctx, byte[] token) throws TunnelMechanism.Refused {
        if (acceptor == null) {
            acceptor = mechanism.newContext();
        }
        byte[] out;
        try {
            out = acceptor.accept(token);
        } catch (ContextRefusedException e) {
            throw new TunnelMechanism.Refused(mechanism.name() + " authentication failed: " + e.getMessage(), e.outputToken());
        }
        if (acceptor.isEstablished()) {
            Identity identity = mechanism.identity(acceptor.principal());
            ctx.channel().attr(IDENTITY).set(identity);
            LOG.info("{}: {} authenticated as {}", door, ctx.channel().remoteAddress(), identity.principal());
            established = true;
        }
        if (out.length > 0) {
            ctx.writeAndFlush(PREFIX + Base64.getEncoder().encodeToString(out) + "\n");
        }
    }

    /** Hands complete lines to the session, in order, on the event loop; keeps a partial line. */
    private void deliver(ChannelHandlerContext ctx, String text) {
        partial.append(text);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            ctx.executor().execute(() -> ctx.fireChannelRead(line));
        }
        if (partial.length() > DcapLineParser.MAX_LINE) {
            MISTAKES.report(door + ": over-long line inside the tunnel from " + ctx.channel().remoteAddress() + "; closing",
                    null);
            ctx.close();
        }
    }

    /** Lines of the dCap conversation leave wrapped, never in clear: before the handshake they cannot. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (!(msg instanceof String text)) {
            ctx.write(msg, promise);
        } else if (established) {
            byte[] plain = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] wrapped = acceptor.wrap(plain, 0, plain.length, true);
            ctx.write(PREFIX + Base64.getEncoder().encodeToString(wrapped) + "\n", promise);
        } else {
            MISTAKES.report(door + ": no clear-text answer to " + ctx.channel().remoteAddress()
                    + " before the tunnel handshake; closing", null);
            promise.setFailure(new IllegalStateException("the tunnel is not established"));
            ctx.close();
        }
    }

    /** A tunnel line longer than the door allows closes at once (dcap.md: bad tunnel input closes). */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            MISTAKES.report(door + ": over-long line on the tunnel from " + ctx.channel().remoteAddress() + "; closing", null);
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (acceptor != null) {
            chain.whenComplete((v, e) -> acceptor.dispose());
        }
        ctx.fireChannelInactive();
    }
}
