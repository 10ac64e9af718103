package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.ftp.FtpSession;

/**
 * What MODE E adds to a session: whether it is on, the parallelism OPTS RETR asked for, the marker
 * period, and the ranges a MODE E REST announced for the next transfer. The data connections
 * themselves live in the session's data endpoint (a {@link StreamSet}), so a new PASV/PORT or the end
 * of the session drops them like any other endpoint. Only the session's executor touches this.
 */
public final class ModeEState {

    /** How often 112/111 markers go out while a MODE E transfer runs (GCT's default is 5 s). */
    public static final int DEFAULT_MARKER_SECONDS = 5;

    private boolean on;
    private int parallelism = 1;
    private int markerSeconds = DEFAULT_MARKER_SECONDS;
    private ByteRanges restart;

    public static ModeEState of(FtpSession session) {
        return session.extension(ModeEState.class, ModeEState::new);
    }

    /**
     * Closes the session's cached MODE E data connections, if any (other endpoints stay). Commands that
     * change how data channels are protected (DCAU, PROT, PBSZ) call this: a cached stream keeps the
     * protection it was set up with.
     */
    public static void closeCachedStreams(FtpSession session) {
        DataEndpoint e = session.takeDataEndpoint();
        if (e instanceof StreamSet) {
            e.close();
        } else if (e != null) {
            session.dataEndpoint(e);
        }
    }

    /** Whether MODE E is on (without creating the state for a MODE S session). */
    public static boolean on(FtpSession session) {
        return of(session).on;
    }

    void on(boolean value) {
        on = value;
    }

    public int parallelism() {
        return parallelism;
    }

    void parallelism(int streams) {
        parallelism = streams;
    }

    public int markerSeconds() {
        return markerSeconds;
    }

    void markerSeconds(int seconds) {
        markerSeconds = seconds;
    }

    void restart(ByteRanges ranges) {
        restart = ranges;
    }

    /** The REST ranges for this transfer (consumed), or null. */
    ByteRanges takeRestart() {
        ByteRanges r = restart;
        restart = null;
        return r;
    }
}
