package dev.wharf.server;

import dev.wharf.server.net.DoorListener;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * A door whose connections all come through one {@link DoorListener} (PROXY, subnets, limits and login grace in
 * its {@code DoorFront}): its address, drain and close are the listener's, so a door writes only its protocol.
 */
public interface ListenerDoor extends Door {

    DoorListener listener();

    @Override
    default InetSocketAddress localAddress() {
        return listener().localAddress();
    }

    /** Stops accepting and asks every connection's protocol to end it; completes when all have closed. */
    @Override
    default CompletableFuture<Void> drain() {
        return listener().drain();
    }

    @Override
    default void close() {
        listener().close();
    }
}
