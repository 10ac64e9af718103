package dev.wharf.server.ftp;

import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.data.StreamTransfer;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transfer that runs its own data connections instead of the one MODE S channel: GridFTP MODE E
 * (several streams, kept open between transfers). {@link TransferRunner} hands it the session's data
 * endpoint and a {@link DataStreams} carrying what the runner does for every data connection; the
 * final reply, metrics and upload commit stay the runner's.
 */
public interface ManagedTransfer extends StreamTransfer {

    /** Completes with the bytes moved once every stream has finished, or exceptionally. */
    CompletableFuture<Long> run(DataEndpoint endpoint, DataStreams streams);

    @Override
    default CompletableFuture<Long> run(Channel channel, AtomicLong progress) {
        throw new UnsupportedOperationException("a managed transfer runs its own data connections");
    }
}
