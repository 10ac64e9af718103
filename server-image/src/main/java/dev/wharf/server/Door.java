package dev.wharf.server;

import java.net.InetSocketAddress;

/**
 * A listener speaking one protocol (a dCache word): ftp, ftps (implicit TLS), gsiftp, dcap, gsidcap.
 * Doors share one {@link ServerContext}; each builds its own Netty pipeline. Every door must route
 * its access decisions through {@link ServerContext#access()}: at login it opens the session's
 * {@code fs.Storage} with {@code fs.SessionStorage.open} (jail, the policy scoped to its root, the
 * access check before every operation) and touches storage only through it. Doors added later plug into this same check (docs/acl.md).
 */
public interface Door extends AutoCloseable {

    /** The door's name, used as the {@code door} label in logs and metrics. */
    String name();

    /** Binds the listener; returns once it accepts connections. */
    void start() throws InterruptedException;

    /** The bound address (the real port when configured with port 0). */
    InetSocketAddress localAddress();

    /**
     * Stops accepting and asks every open session to end: idle ones at once with {@code 421}, busy ones
     * when their transfer has finished. Completes when every session has closed; {@link #close} then
     * releases the port. A door that cannot tell idle from busy keeps the default: it does nothing here,
     * and {@code close} ends its sessions.
     */
    default java.util.concurrent.CompletableFuture<Void> drain() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** Stops accepting, closes open sessions, releases the port. */
    @Override
    void close();
}
