package dev.wharf.server.dcap;

import dev.wharf.server.ServerContext;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.fs.Storage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.Upload;
import dev.wharf.server.fs.UploadMode;
import dev.wharf.server.metrics.Direction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the transfer of one {@code open}: opens the file (through the guarded storage), arranges
 * the data connection and hands it to a {@link DcapMover}. With {@code -passive} the client connects
 * to a listener from the data-port range and must present the challenge of the {@code connect}
 * reply; otherwise the server connects to the callback port, and only ever at the control
 * connection's peer address (the host named in the line is ignored, so the door cannot be used to
 * reach a third party).
 */
final class Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerContext context;
    private final DcapSettings settings;
    private final DataChannelFactory data;
    private final Storage storage;

    Transfers(ServerContext context, DcapSettings settings, DataChannelFactory data, Storage storage) {
        this.context = context;
        this.settings = settings;
        this.data = data;
        this.storage = storage;
    }

    DcapMover open(DcapRequest r, OpenRequest o, InetSocketAddress peer, Consumer<DcapFailure> outcome,
                   Consumer<String> reply) throws IOException {
        ReadSource reading = null;
        Upload upload = null;
        if (o.write()) {
            upload = storage.openUpload(o.path(), UploadMode.REPLACE, 0);
            if (settings.discardUploads()) {
                upload = DiscardedUpload.around(upload);
            }
            if (o.readBack() && upload.replacesExisting() && !o.truncate()) {
                // As dCache: a file's content is never changed in place. Without -truncate (O_TRUNC) a
                // read-write open would read nothing of the old content and then replace it.
                upload.abort();
                throw new StorageException(StorageException.Reason.EXISTS,
                        o.path() + ": exists; rw opens only new files or, with -truncate, replaces one");
            }
        } else {
            reading = ReadSource.of(storage.openRead(o.path()), true);
        }
        return start(r, o, peer, reading, upload, false, outcome, reply);
    }

    /** {@code opendir}: the listing (checked like LIST) is served over a data connection like a file. */
    DcapMover listDirectory(DcapRequest r, OpenRequest o, InetSocketAddress peer, Consumer<DcapFailure> outcome,
                            Consumer<String> reply) throws IOException {
        byte[] listing = DirectoryListing.render(storage.list(o.path()));
        return start(r, o, peer, ReadSource.of(listing), null, true, outcome, reply);
    }

    private DcapMover start(DcapRequest r, OpenRequest o, InetSocketAddress peer, ReadSource reading, Upload upload,
                            boolean listing, Consumer<DcapFailure> outcome, Consumer<String> reply) throws IOException {
        DataEndpoint endpoint = null;
        try {
            String challenge = o.clientConnects() ? newChallenge() : null;
            Direction direction = o.write() ? Direction.IN : Direction.OUT;
            DcapMover[] self = new DcapMover[1];
            DcapMover mover = new DcapMover(r.sessionId(), challenge, reading, upload, o.readBack(),
                    context.blockingExecutor(), failure -> {
                        if (!listing) {
                            record(direction, self[0], failure, o.path(), peer);
                        }
                        outcome.accept(failure);
                    });
            if (listing) {
                mover.endsWhenClosed();
            }
            if (upload != null && storage.identity().isAnonymous()) {
                mover.limitHoles(settings.anonymousMaxHole());
            }
            self[0] = mover;
            if (o.clientConnects()) {
                PassiveListener listener = data.listen(peer.getAddress());
                endpoint = listener;
                reply.accept(DcapReplies.connect(r, listener.address().getAddress().getHostAddress(),
                        listener.address().getPort(), challenge));
            } else {
                endpoint = data.connectTo(new InetSocketAddress(peer.getAddress(), o.callbackPort().orElseThrow()));
            }
            DataEndpoint ep = endpoint;
            ScheduledFuture<?> timeout = context.ioGroup().next().schedule(ep::close, o.timeoutSeconds(), TimeUnit.SECONDS);
            endpoint.connection().whenComplete((ch, err) -> {
                timeout.cancel(false);
                if (err != null) {
                    mover.cancel("no data connection: " + err.getMessage());
                } else {
                    mover.start(ch);
                }
            });
            return mover;
        } catch (IOException | RuntimeException e) {
            if (endpoint != null) {
                endpoint.close();
            }
            if (upload != null) {
                upload.abort();
            }
            if (reading != null) {
                reading.close();
            }
            throw e;
        }
    }

    private void record(Direction direction, DcapMover mover, DcapFailure failure, String path, InetSocketAddress peer) {
        long bytes = mover == null ? 0 : mover.transferred();
        context.metrics().bytes(settings.door(), direction, bytes);
        context.metrics().transfer(settings.door(), direction, DcapFailure.outcome(failure));
        if (failure != null) {
            LOG.info("{}: {} of {} for {} failed after {} bytes: {}", settings.door(),
                    direction == Direction.IN ? "upload" : "download", path, peer, bytes, failure.message());
        }
    }

    /** An opaque token like dCache's: base64 of 16 random bytes. */
    static String newChallenge() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
