package dev.wharf.server.metrics;

import java.util.function.IntSupplier;

/**
 * What doors report; rendered by the admin endpoint's {@code /metrics} in Prometheus text format.
 * The {@code door} label is the door's name (ftp, ftps, gsiftp, dcap, gsidcap). Implementations are
 * thread-safe and cheap: they are called from event loops.
 */
public interface ServerMetrics {

    void sessionOpened(String door);

    void sessionClosed(String door);

    /** result: success, failure, refused (subnet/limit) */
    void login(String door, String result);

    void bytes(String door, Direction direction, long count);

    /** outcome: completed, aborted, failed */
    void transfer(String door, Direction direction, String outcome);

    /** The same with the one outcome type every door uses. */
    default void transfer(String door, Direction direction, TransferOutcome outcome) {
        transfer(door, direction, outcome.label());
    }

    /** An access check said no (ACL or default policy). */
    void accessDenied(String door, String operation);

    /**
     * A password login was slowed down or stopped (docs/security.md). reason: delayed (530 held back),
     * disconnected (the session's failure limit), address-budget (refused unchecked, too many failures
     * from the address).
     */
    default void loginThrottled(String door, String reason) {}

    /**
     * A connection reached the door's policy (net.DoorFront): {@code admitted}, or refused with a
     * {@code net.Refusal} label (limit, per-address, unauthenticated, subnet, untrusted-proxy,
     * no-proxy-header, bad-proxy-header, login-grace).
     */
    default void connection(String door, String result) {}

    /**
     * The door's connection counts, read when metrics are scraped: open connections and those that
     * have not logged in yet (they may hold at most limits.clients - limits.reserved-for-authenticated).
     */
    default void connectionGauges(String door, IntSupplier open, IntSupplier unauthenticated) {}

    ServerMetrics NONE = new ServerMetrics() {
        @Override public void sessionOpened(String door) {}
        @Override public void sessionClosed(String door) {}
        @Override public void login(String door, String result) {}
        @Override public void bytes(String door, Direction direction, long count) {}
        @Override public void transfer(String door, Direction direction, String outcome) {}
        @Override public void accessDenied(String door, String operation) {}
    };
}
