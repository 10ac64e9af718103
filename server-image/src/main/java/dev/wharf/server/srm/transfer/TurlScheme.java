package dev.wharf.server.srm.transfer;

import java.util.Locale;
import java.util.Optional;

/**
 * The transfer protocols the SRM door hands out TURLs for, each served by one door of this server.
 * gsiftp carries the client's DN and so serves gets and puts; gsidcap likewise. Plain dCap sessions are
 * anonymous, so its TURLs are only offered for gets: a put through it would be written by
 * {@code anonymous}, not by the DN that asked.
 */
public enum TurlScheme {
    GSIFTP("gsiftp", "gridftp", true),
    GSIDCAP("gsidcap", "gsidcap", true),
    DCAP("dcap", "dcap", false);

    private final String scheme;
    private final String door;
    private final boolean puts;

    TurlScheme(String scheme, String door, boolean puts) {
        this.scheme = scheme;
        this.door = door;
        this.puts = puts;
    }

    /** The URL scheme, which is also the protocol name in {@code arrayOfTransferProtocols}. */
    public String scheme() {
        return scheme;
    }

    /** The door (DoorTable name) that serves it. */
    public String door() {
        return door;
    }

    public boolean servesPuts() {
        return puts;
    }

    /** Whether TURLs of this scheme are jailed where the dCap doors are (dcap.root), not at the session's root. */
    boolean dcapFamily() {
        return this != GSIFTP;
    }

    public static Optional<TurlScheme> named(String protocol) {
        String p = protocol == null ? "" : protocol.strip().toLowerCase(Locale.ROOT);
        for (TurlScheme s : values()) {
            if (s.scheme.equals(p)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
