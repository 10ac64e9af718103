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

    /** Stops accepting, closes open sessions, releases the port. */
    @Override
    void close();
}
