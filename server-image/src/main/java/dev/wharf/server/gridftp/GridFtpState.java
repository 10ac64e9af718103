package dev.wharf.server.gridftp;

import dev.wharf.server.ftp.FtpSession;

/**
 * What the GridFTP commands remember per session beyond the FTP door's state. Today: the size ALLO
 * announced for the next upload (globus-url-copy sends {@code ALLO <size>} before every STOR/ESTO), so
 * a MODE E receiver can refuse blocks beyond it.
 */
public final class GridFtpState {

    /** No ALLO since the last upload. */
    public static final long NO_ALLOCATION = -1;

    private long allocation = NO_ALLOCATION;

    /** The session's GridFTP state, created on first use. */
    public static GridFtpState of(FtpSession session) {
        return session.extension(GridFtpState.class, GridFtpState::new);
    }

    /** The size ALLO announced, or {@link #NO_ALLOCATION}; left in place. */
    public long allocation() {
        return allocation;
    }

    void allocation(long bytes) {
        this.allocation = bytes;
    }

    /** Returns and clears the announced size: an upload consumes it, as a transfer consumes REST. */
    public long takeAllocation() {
        long a = allocation;
        allocation = NO_ALLOCATION;
        return a;
    }
}
