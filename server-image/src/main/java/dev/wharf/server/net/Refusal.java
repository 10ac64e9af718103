package dev.wharf.server.net;

/**
 * Why {@link DoorFront} closed a connection; {@link #label} is the {@code result} of
 * {@code wharf_connections_total} and the word in the log line.
 */
public enum Refusal {
    /** {@code limits.clients} connections are open on the door. */
    LIMIT("limit"),
    /** {@code limits.clients-per-address} connections from this real client address are open. */
    PER_ADDRESS("per-address"),
    /** Every slot not reserved for logged-in sessions is held by connections that have not logged in. */
    UNAUTHENTICATED("unauthenticated"),
    /** The real client address is outside {@code net.allowed-subnets}. */
    SUBNET("subnet"),
    /** A PROXY header was due from a peer outside {@code net.proxy-trusted}. */
    UNTRUSTED_PROXY("untrusted-proxy"),
    /** No PROXY header arrived in time. */
    NO_PROXY_HEADER("no-proxy-header"),
    /** The PROXY header was malformed. */
    BAD_PROXY_HEADER("bad-proxy-header"),
    /** Not logged in within {@code limits.login-grace}. */
    LOGIN_GRACE("login-grace");

    private final String label;

    Refusal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
