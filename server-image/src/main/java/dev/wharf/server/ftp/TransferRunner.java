package dev.wharf.server.ftp;

import dev.wharf.server.data.DataAuthenticationException;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.DataPipeline;
import dev.wharf.server.data.DataProtection;
import dev.wharf.server.data.StreamTransfer;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.metrics.ServerMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one transfer: the session's {@link TransferMode} builds it (sender or receiver, the data
 * connections, the 1xx reply); then the runner waits for the data connection (425 if none comes), adds
 * the session's {@link DataProtection} (TLS for PROT P, GSI for DCAU; 425 when the peer is refused),
 * moves the bytes, commits or aborts an upload, and turns the result into the final reply (226, or
 * 426/451/452). Reports metrics and, when configured, logs aborted transfers in detail.
 */
final class TransferRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TransferRunner.class);
    static final long CONNECT_TIMEOUT_SECONDS = 60;

    private final FtpSession session;
    private final TransferHandle handle;
    private final BooleanSupplier controlActive;
    private final Consumer<FtpReply> interim;
    private TransferMode.ModeTransfer built;
    private volatile boolean connected;

    TransferRunner(FtpSession session, TransferHandle handle, BooleanSupplier controlActive, Consumer<FtpReply> interim) {
        this.session = session;
        this.handle = handle;
        this.controlActive = controlActive;
        this.interim = interim;
    }

    /**
     * Builds the transfer in the session's mode and returns its 1xx reply; ALLO's size is used up. On a
     * refusal the prepared transfer is released and ALLO's size stays for the next command.
     */
    FtpReply build() throws FtpException {
        try {
            built = session.transferMode().build(session, handle.transfer(), session.announcedSize());
        } catch (FtpException | RuntimeException e) {
            handle.transfer().discard();
            throw e;
        }
        session.takeAnnouncedSize();
        return built.preliminary();
    }

    /** Runs what {@link #build()} made. */
    CompletableFuture<FtpReply> start() {
        PreparedTransfer t = handle.transfer();
        StreamTransfer transfer = built.transfer();
        DataEndpoint endpoint = built.endpoint();
        DataProtection protection = session.dataProtection();
        handle.endpointCloser(endpoint::close);
        CompletableFuture<Long> moved = transfer instanceof ManagedTransfer managed
                ? managed.run(endpoint, new DataStreams(session, handle.progress(), ch -> DataPipeline.prepare(ch, protection),
                        () -> connected = true, interim))
                : endpoint.connection()
                .orTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenCompose(ch -> {
                    connected = true;
                    handle.connected(ch);
                    DataPipeline.prepare(ch, protection);
                    return transfer.run(ch, handle.progress());
                });
        // A download that ended well leaves nothing for the disk: its reply is made right where the
        // transfer ended (the data channel's event loop), one thread hand-off less per file. Uploads
        // (commit or abort: a rename or delete) and failures go to the blocking executor.
        CompletableFuture<FtpReply> reply = new CompletableFuture<>();
        moved.whenComplete((bytes, error) -> {
            if (error == null && built.upload() == null) {
                complete(reply, t, bytes, null);
            } else if (error == null && UploadVerdict.waitsForControlClose(built.shortUploadSize(),
                    transfer instanceof ManagedTransfer)) {
                try {
                    session.controlLoop().schedule(() -> decide(reply, t, bytes, null),
                            UploadVerdict.CONTROL_CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) { // shutting down
                    reply.completeExceptionally(e);
                }
            } else {
                decide(reply, t, bytes, error);
            }
        });
        return reply;
    }

    /** Commits or aborts on the blocking executor: a rename or a delete. */
    private void decide(CompletableFuture<FtpReply> reply, PreparedTransfer t, Long bytes, Throwable error) {
        try {
            session.services().context().blockingExecutor().execute(() -> complete(reply, t, bytes, error));
        } catch (RejectedExecutionException e) { // shutting down
            reply.completeExceptionally(e);
        }
    }

    private void complete(CompletableFuture<FtpReply> reply, PreparedTransfer t, Long bytes, Throwable error) {
        try {
            reply.complete(finish(t, bytes, error));
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
    }

    private FtpReply finish(PreparedTransfer t, Long bytes, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String outcome;
        FtpReply reply;
        long moved = bytes != null ? bytes : handle.progress().get();
        if (cause == null) {
            try {
                Upload upload = built.upload();
                // ABOR closes the data connection, which a stream-mode upload reads as its end: the client asked
                // for the transfer to stop, so what arrived is not the file.
                String abort = upload == null ? null : handle.abortReason() != null ? handle.abortReason()
                        : UploadVerdict.abortReason(controlActive.getAsBoolean(), built.shortUploadSize(), upload.start(), moved);
                if (abort != null) {
                    upload.abort();
                    outcome = "aborted";
                    reply = FtpReply.of(426, "Transfer aborted: " + abort);
                    logAborted(t, moved, abort);
                } else {
                    if (upload != null) {
                        upload.commit(moved);
                    }
                    outcome = "completed";
                    reply = FtpReply.of(226, t.completedText());
                }
            } catch (StorageException e) {
                outcome = "failed";
                reply = StorageReplies.toFtp(e, true).reply();
                logAborted(t, moved, e.getMessage());
            }
        } else {
            if (built.upload() != null) {
                built.upload().abort();
            }
            if (!connected && handle.abortReason() == null) {
                built.transfer().discard();
                outcome = "failed";
                String why = cause instanceof TimeoutException ? "timed out" : String.valueOf(cause.getMessage());
                reply = FtpReply.of(425, "Can't open data connection: " + why);
            } else if (DataAuthenticationException.find(cause) != null) {
                // A refused data peer is a security event: always logged, whatever log-aborted-transfers says.
                String why = DataAuthenticationException.find(cause).getMessage();
                outcome = "failed";
                reply = FtpReply.of(425, "Can't open data connection: " + why);
                LOG.warn("data connection refused: door={} client={} identity={} path={}: {}", session.door(),
                        session.client().getAddress().getHostAddress(), session.who(), t.path(), why);
            } else if (handle.abortReason() != null) {
                if (!connected) {
                    built.transfer().discard();
                }
                outcome = "aborted";
                reply = FtpReply.of(426, "Transfer aborted");
                logAborted(t, moved, handle.abortReason());
            } else if (cause instanceof FtpException refused) {
                outcome = "failed";
                reply = refused.reply();
                logAborted(t, moved, refused.getMessage());
            } else if (StorageException.isNoSpace(cause)) {
                outcome = "failed";
                reply = FtpReply.of(452, "Insufficient storage space; transfer aborted");
                logAborted(t, moved, "no space left on device");
            } else if (cause instanceof java.io.IOException || cause instanceof io.netty.handler.codec.DecoderException) {
                outcome = "aborted";
                reply = FtpReply.of(426, "Connection closed; transfer aborted");
                logAborted(t, moved, "data connection: " + cause.getMessage());
            } else {
                outcome = "failed";
                LOG.warn("transfer of {} failed", t.path(), cause);
                reply = FtpReply.of(451, "Local error; transfer aborted");
                logAborted(t, moved, cause.toString());
            }
        }
        ServerMetrics metrics = session.services().context().metrics();
        metrics.bytes(session.door(), t.direction(), moved);
        if (!t.listing()) {
            metrics.transfer(session.door(), t.direction(), outcome);
        }
        return reply;
    }

    private void logAborted(PreparedTransfer t, long moved, String reason) {
        if (session.settings().logAbortedTransfers()) {
            LOG.warn("aborted transfer: door={} client={} identity={} path={} direction={} bytes={} duration={}ms reason={}",
                    session.door(), session.client().getAddress().getHostAddress(), session.who(), t.path(),
                    t.direction(), moved, handle.elapsed().toMillis(), reason);
        }
    }
}
