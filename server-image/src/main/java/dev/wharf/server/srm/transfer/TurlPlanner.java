package dev.wharf.server.srm.transfer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Picks the door a transfer goes through and writes its TURL (docs/srm.md, "TURLs"). The client's
 * {@code arrayOfTransferProtocols} is its preference order; the first protocol this server serves
 * wins. A client that names none gets gsiftp (then gsidcap, then dCap for gets), as gfal2 and FTS
 * expect. TURLs name {@code srm.turl-host}, else the address the door listens on (its control
 * connection is the first a client makes: {@code control.interface}), else, for a door on a wildcard
 * address, the data interface's, else this machine's host name.
 */
public final class TurlPlanner {

    private final Function<String, Optional<InetSocketAddress>> doors;
    private final Optional<String> turlHost;
    private final InetAddress dataInterface;
    private final Optional<Path> dcapRoot;

    /**
     * @param doors    the bound address of an enabled, running door by its DoorTable name, empty for a
     *                 door that is not enabled
     * @param dcapRoot where dCap and gsidcap sessions are jailed ({@code dcap.root}, else {@code storage.root})
     */
    public TurlPlanner(Function<String, Optional<InetSocketAddress>> doors, Optional<String> turlHost,
                       InetAddress dataInterface, Optional<Path> dcapRoot) {
        this.doors = doors;
        this.turlHost = turlHost;
        this.dataInterface = dataInterface;
        this.dcapRoot = dcapRoot;
    }

    private String host(InetAddress bound) {
        if (turlHost.isPresent()) {
            return turlHost.get();
        }
        if (!bound.isAnyLocalAddress()) {
            return bound.getHostAddress();
        }
        if (!dataInterface.isAnyLocalAddress()) {
            return dataInterface.getHostAddress();
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** What the planner decided for one request: a scheme, or why none fits. */
    public record Choice(Optional<TurlScheme> scheme, String refusal) {

        static Choice of(TurlScheme s) {
            return new Choice(Optional.of(s), null);
        }

        static Choice refused(String why) {
            return new Choice(Optional.empty(), why);
        }
    }

    /**
     * The protocol for a get ({@code put = false}) or put of a session jailed at {@code sessionRoot}.
     * Unknown names in {@code asked} are skipped (gfal2 sends rfio, kdcap and others by default); when
     * nothing asked is served the answer is a refusal for SRM_NOT_SUPPORTED.
     */
    public Choice choose(List<String> asked, boolean put, Path sessionRoot) {
        List<TurlScheme> candidates = new ArrayList<>();
        if (asked == null || asked.isEmpty()) {
            candidates.addAll(List.of(TurlScheme.values()));
        } else {
            for (String name : asked) {
                TurlScheme.named(name).ifPresent(candidates::add);
            }
        }
        for (TurlScheme s : candidates) {
            if (serves(s, put, sessionRoot)) {
                return Choice.of(s);
            }
        }
        return Choice.refused("none of the transfer protocols " + (asked == null || asked.isEmpty() ? "this server knows"
                : String.join(", ", asked)) + " is served here for a " + (put ? "put" : "get") + "; served: "
                + String.join(", ", served(put, sessionRoot)));
    }

    /** The schemes a get or put of this session could be handed, for error texts and srmGetTransferProtocols. */
    public List<String> served(boolean put, Path sessionRoot) {
        List<String> names = new ArrayList<>();
        for (TurlScheme s : TurlScheme.values()) {
            if (serves(s, put, sessionRoot)) {
                names.add(s.scheme());
            }
        }
        return names;
    }

    private boolean serves(TurlScheme s, boolean put, Path sessionRoot) {
        if (put && !s.servesPuts()) {
            return false;
        }
        if (doors.apply(s.door()).isEmpty()) {
            return false;
        }
        // A dCap TURL's path is resolved in dcap.root: only the same file when the session has that root.
        return !s.dcapFamily() || dcapRoot.map(r -> same(r, sessionRoot)).orElse(false);
    }

    /** The TURL of {@code path} (a jail path, "/a/b") on the scheme's door. */
    public URI turl(TurlScheme scheme, String path) {
        InetSocketAddress door = doors.apply(scheme.door())
                .orElseThrow(() -> new IllegalStateException(scheme.door() + " is not running"));
        String host = host(door.getAddress());
        int port = door.getPort();
        // gsiftp paths are absolute in the session's root; a leading "//" would turn the host's root into
        // a path segment for some clients, so exactly one slash.
        String p = path.startsWith("/") ? path : "/" + path;
        try {
            return new URI(scheme.scheme(), null, host, port, p, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make a TURL of " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
