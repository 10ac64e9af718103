package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.FtpSession;

/**
 * What MODE E keeps per session: the parallelism OPTS RETR asked for, the marker period, the ranges a
 * MODE E REST announced for the next transfer, and the data connections kept open from one transfer to
 * the next (data channel caching). Those are closed when a new PASV/PORT arranges others, when the
 * session leaves MODE E, when PROT or DCAU change, on ABOR and when the session ends. Only the session's
 * executor touches this, apart from a finished transfer handing its connections back.
 */
final class ModeEState implements AutoCloseable {

    /** How often 112/111 markers go out while a MODE E transfer runs (GCT's default is 5 s). */
    static final int DEFAULT_MARKER_SECONDS = 5;

    private int parallelism = 1;
    private int markerSeconds = DEFAULT_MARKER_SECONDS;
    private ByteRanges restart;
    private volatile StreamSet kept;
    private volatile boolean closed;

    static ModeEState of(FtpSession session) {
        return session.extension(ModeEState.class, ModeEState::new);
    }

    int parallelism() {
        return parallelism;
    }

    void parallelism(int streams) {
        parallelism = streams;
    }

    int markerSeconds() {
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

    /** Keeps a transfer's connections for the next one (closing others kept before); closes them once the session has ended. */
    void keep(StreamSet streams) {
        StreamSet before = kept;
        kept = streams;
        if (before != null && before != streams) {
            before.close();
        }
        if (closed) {
            dropKept();
        }
    }

    boolean hasKept() {
        return kept != null;
    }

    /** The kept connections, now the caller's, or null. */
    StreamSet takeKept() {
        StreamSet s = kept;
        kept = null;
        return s;
    }

    void dropKept() {
        StreamSet s = takeKept();
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        dropKept();
    }
}
