package dev.wharf.server.ftp;

import dev.wharf.server.log.ClientMistakes;
import dev.wharf.server.net.ClientAddress;
import dev.wharf.server.net.LoginGrace;
import dev.wharf.server.net.SerialExecutor;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of the control pipeline: greets, hands each line to the session's sequential
 * executor, applies the table's policy (login, allowed during a transfer), and writes the outcome.
 * Commands that may not run during a transfer wait in order until it ends; ABOR, STAT, QUIT and the
 * like are served at once. Only this class writes to the control channel.
 */
final class FtpSessionHandler extends SimpleChannelInboundHandler<String> {

    private static final Logger LOG = LoggerFactory.getLogger(FtpSessionHandler.class);
    /** Lines a client may pipeline behind a running transfer before we call it abuse. */
    static final int MAX_DEFERRED = 64;
    /** Verbs that exist in the RFCs but that Wharf does not implement: 502, not 500. */
    static final Set<String> NOT_IMPLEMENTED = Set.of("ACCT", "SMNT", "REIN", "LPRT", "LPSV", "MIC", "CONF", "ENC", "ADAT");

    private final SessionServices services;
    private final SerialExecutor executor;
    private ChannelHandlerContext ctx;
    private OrderedReplies replies;
    private FtpSession session;

    private final ClientMistakes mistakes;

    // event-loop state
    private boolean controlTls;
    private boolean tlsUpgradePending;
    private boolean pipelinedAfterAuth;
    private volatile boolean transferRunning;
    private volatile ControlProtection protection; // set on the event loop after the clear ADAT reply

    // executor state
    private final Deque<FtpRequest> deferred = new ArrayDeque<>();

    FtpSessionHandler(SessionServices services, ClientMistakes mistakes) {
        this.services = services;
        this.mistakes = mistakes;
        this.executor = new SerialExecutor(services.context().blockingExecutor());
        this.controlTls = services.settings().implicitTls();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.replies = new OrderedReplies(ctx);
    }

    /** Fired by the connection policy once the client is admitted (after its PROXY header, if any). */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ready(ClientAddress.of(ctx.channel()));
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof io.netty.handler.ssl.SslCloseCompletionEvent && !controlTls
                && ctx.pipeline().get(FtpPipeline.TLS) != null) {
            ctx.pipeline().remove(FtpPipeline.TLS);
        } else if (evt == dev.wharf.server.Drain.REQUESTED) {
            executor.execute(this::drain);
        } else if (evt instanceof IdleStateEvent) {
            if (!transferRunning && session != null) {
                LOG.info("{}: {} idle for {}; closing", services.door(), session.client(), services.settings().idleTimeout());
                replies.sendAndClose(FtpReply.of(421, "Idle timeout, closing control connection"));
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    private void ready(InetSocketAddress client) {
        session = new FtpSession(services, client, ClientAddress.inet(ctx.channel().localAddress()));
        session.controlLoop(ctx.channel().eventLoop());
        services.context().metrics().sessionOpened(services.door());
        LOG.debug("{}: session from {}", services.door(), client);
        replies.send(FtpReply.of(220, "Wharf FTP server ready"));
    }


    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        if (session == null) {
            return; // not admitted yet
        }
        if (tlsUpgradePending) {
            pipelinedAfterAuth = true; // plaintext pipelined behind AUTH TLS: refused below
            return;
        }
        FtpRequest request = FtpRequest.parse(line);
        if (request.verb().equals("AUTH") && !controlTls) {
            // Read nothing more until the SslHandler is in place.
            ctx.channel().config().setAutoRead(false);
            tlsUpgradePending = true;
        }
        CommandSpec spec = services.commands().get(request.verb());
        boolean inline = protection == null && spec != null && spec.command() instanceof InlineCommand;
        if (!inline || !executor.runHereIfIdle(() -> handle(request))) {
            executor.execute(() -> handle(request));
        }
    }

    // ---- executor side

    private void handle(FtpRequest clear) {
        FtpRequest request = clear;
        ControlProtection p = protection;
        if (p != null && p.carriesCommand(clear.verb())) {
            try {
                request = FtpRequest.parse(p.unwrap(clear.verb(), clear.argument()));
            } catch (FtpException e) {
                // 535: the token broke the security context, nothing more can be read or written.
                deliver(e.reply().code() == 535 ? new Outcome.Close(e.reply()) : e.reply());
                return;
            }
        } else if (p != null && !p.allowsClear(clear.verb())) {
            deliver(FtpReply.of(530, "Command must be wrapped in MIC, ENC or CONF"));
            return;
        }
        CommandSpec spec = services.commands().get(request.verb());
        boolean busy = session.transfer() != null;
        boolean concurrent = spec != null && spec.duringTransfer();
        if (busy && concurrent) {
            run(request, spec);
        } else if (busy || !deferred.isEmpty()) {
            defer(request);
            if (!busy) {
                drainDeferred();
            }
        } else {
            run(request, spec);
        }
    }

    private void defer(FtpRequest request) {
        if (deferred.size() >= MAX_DEFERRED) {
            LOG.warn("{}: {} pipelined more than {} commands behind a transfer; closing", services.door(),
                    session.client(), MAX_DEFERRED);
            replies.sendAndClose(FtpReply.of(421, "Too many commands pipelined"));
            return;
        }
        deferred.add(request);
    }

    private void drainDeferred() {
        while (!deferred.isEmpty() && session.transfer() == null) {
            FtpRequest next = deferred.poll();
            run(next, services.commands().get(next.verb()));
        }
    }

    private void run(FtpRequest request, CommandSpec spec) {
        LOG.debug("{} {}: {}", services.door(), session.client(), request);
        Outcome outcome;
        if (spec == null) {
            outcome = NOT_IMPLEMENTED.contains(request.verb())
                    ? FtpReply.of(502, request.verb() + " not implemented")
                    : FtpReply.of(500, "Command not understood");
        } else if (spec.needsLogin() && !session.loggedIn()) {
            outcome = FtpReply.of(530, "Please login with USER and PASS");
        } else {
            boolean wasLoggedIn = session.loggedIn();
            try {
                outcome = spec.command().execute(session, request.argument());
                if (!wasLoggedIn && session.loggedIn()) {
                    LoginGrace.authenticated(ctx.channel());
                }
            } catch (FtpException e) {
                outcome = e.reply();
            } catch (RuntimeException e) {
                LOG.error("{}: {} failed", services.door(), request, e);
                outcome = FtpReply.of(451, "Local error");
            }
        }
        deliver(outcome);
    }

    private void deliver(Outcome outcome) {
        if (outcome instanceof Outcome.StartTransfer start) {
            startTransfer(start);
        } else if (outcome instanceof Outcome.StartTls tls) {
            replies.onLoop(() -> startTls(tls.reply()));
        } else if (outcome instanceof Outcome.Protect protect) {
            replies.onLoop(() -> {
                ctx.writeAndFlush(protect.reply());
                ((ProtectedReplyEncoder) ctx.pipeline().get(FtpPipeline.PROTECT)).protect(protect.protection());
                protection = protect.protection();
                resumeAfterAuth();
            });
        } else if (outcome instanceof Outcome.StopTls stop) {
            replies.onLoop(() -> stopTls(stop.reply()));
        } else if (outcome instanceof Outcome.Close close) {
            TransferHandle running = session.transfer();
            if (running == null) {
                replies.sendAndClose(close.reply());
            } else {
                running.replied().whenComplete((r, e) -> replies.sendAndClose(close.reply()));
            }
        } else if (outcome instanceof Outcome.Delayed delayed) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            executor.holdUntil(sent);
            ctx.executor().schedule(() -> {
                if (delayed.close()) {
                    replies.sendAndClose(delayed.reply());
                } else {
                    replies.send(delayed.reply());
                }
                sent.complete(null);
            }, delayed.delayMillis(), TimeUnit.MILLISECONDS);
        } else if (outcome instanceof Outcome.AfterTransfer after && session.transfer() != null) {
            session.transfer().replied().whenComplete((r, e) -> replies.send(after.reply()));
        } else {
            replies.send(outcome.reply());
            if (tlsUpgradePending) { // AUTH was refused: back to reading plaintext
                replies.onLoop(this::resumeAfterAuth);
            }
        }
    }

    /** Server shutdown: in command order, after a running transfer has sent its last reply. */
    private void drain() {
        FtpReply bye = FtpReply.of(421, "Server shutting down, closing control connection");
        if (session == null) {
            ctx.writeAndFlush(bye).addListener(ChannelFutureListener.CLOSE);
        } else {
            deliver(new Outcome.Close(bye));
        }
    }

    private void startTransfer(Outcome.StartTransfer start) {
        TransferHandle handle = new TransferHandle(start.transfer());
        TransferRunner runner = new TransferRunner(session, handle, () -> ControlPresence.connected(ctx.channel()), replies::send);
        FtpReply preliminary;
        try {
            preliminary = runner.build();
        } catch (FtpException e) {
            replies.send(e.reply());
            return;
        } catch (RuntimeException e) {
            LOG.error("{}: preparing the transfer of {} failed", services.door(), start.transfer().path(), e);
            replies.send(FtpReply.of(451, "Local error"));
            return;
        }
        session.transfer(handle);
        transferRunning = true;
        replies.send(preliminary);
        runner.start().whenComplete((reply, error) -> {
            FtpReply last = reply != null ? reply : FtpReply.of(451, "Local error; transfer aborted");
            replies.onLoop(() -> {
                ctx.writeAndFlush(last);
                transferRunning = false;
                handle.replied().complete(last);
                // usually nothing waits behind the transfer: settle here instead of waking the pool
                Runnable settle = () -> {
                    session.transfer(null);
                    if (!deferred.isEmpty()) {
                        executor.execute(this::drainDeferred);
                    }
                };
                if (!executor.runHereIfIdle(settle)) {
                    executor.execute(settle);
                }
            });
        });
    }

    // ---- event-loop side

    private void startTls(FtpReply reply) {
        FtpLineDecoder lines = (FtpLineDecoder) ctx.pipeline().get(FtpPipeline.LINE);
        if (pipelinedAfterAuth || lines.buffered() > 0) {
            LOG.warn("{}: {} sent commands behind AUTH TLS before the handshake; closing", services.door(), session.client());
            ctx.writeAndFlush(FtpReply.of(503, "Commands pipelined behind AUTH are refused"))
                    .addListener(ChannelFutureListener.CLOSE); // on the loop, in order: startTls runs as a queued reply
            return;
        }
        SslHandler startTls = new SslHandler(services.tls().newEngine(ctx.alloc()), true);
        ctx.pipeline().addBefore(FtpPipeline.IDLE, FtpPipeline.TLS, startTls);
        ctx.writeAndFlush(reply);
        controlTls = true;
        resumeAfterAuth();
    }

    private void resumeAfterAuth() {
        tlsUpgradePending = false;
        ctx.channel().config().setAutoRead(true);
    }

    private void stopTls(FtpReply reply) {
        SslHandler ssl = (SslHandler) ctx.pipeline().get(FtpPipeline.TLS);
        ctx.writeAndFlush(reply);
        if (ssl != null) {
            // TLS leaves the pipeline once the client's close_notify arrived (SslCloseCompletionEvent),
            // so no TLS record is ever read as a command.
            ssl.closeOutbound();
        }
        controlTls = false;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            FtpSession closing = session;
            services.context().metrics().sessionClosed(services.door());
            executor.execute(() -> closing.closed("control connection closed"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            mistakes.report(services.door() + ": over-long command line from " + ctx.channel().remoteAddress(), null);
            replies.send(FtpReply.of(500, "Command line too long"));
            return;
        }
        if (cause instanceof DecoderException || cause instanceof HAProxyProtocolException) {
            // PROXY, TLS and framing errors are the peer's: one line, rate-limited, whoever sends them.
            boolean header = cause instanceof HAProxyProtocolException || ctx.pipeline().get(FtpPipeline.PROXY) != null;
            mistakes.report(services.door() + ": " + (header ? "bad PROXY header" : "bad control stream") + " from "
                    + ctx.channel().remoteAddress() + "; closing", cause);
        } else if (cause instanceof IOException) {
            LOG.debug("{}: control connection from {}: {}", services.door(), ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("{}: control connection from {} failed", services.door(), ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
