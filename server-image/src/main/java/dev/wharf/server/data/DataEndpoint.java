package dev.wharf.server.data;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * A data connection a control session has arranged (PASV/EPSV listener or PORT/EPRT target), not yet
 * used by a transfer. {@link #connection()} gives the connected channel with auto-read off, so no byte
 * is read before the transfer installs its handlers. One endpoint serves one MODE S transfer.
 */
public interface DataEndpoint extends AutoCloseable {

    /** Starts (active) or awaits (passive) the connection; idempotent. */
    CompletableFuture<Channel> connection();

    /** Drops the listener or connection if no transfer took it over. */
    @Override
    void close();
}
