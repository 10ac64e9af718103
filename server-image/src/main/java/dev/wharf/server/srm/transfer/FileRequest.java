package dev.wharf.server.srm.transfer;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.srm.v22.TStatusCode;
import java.net.URI;

/**
 * One SURL of a get or put request and where it stands. Changed only under its request's lock
 * ({@link TransferRequest}); read through {@link TransferRequest#view}.
 */
final class FileRequest {

    final String surl;
    /** The jail path, or null when the SURL names nothing on this server (the file failed at once). */
    final String path;
    TStatusCode status = TStatusCode.SRM_REQUEST_QUEUED;
    String explanation = "";
    URI turl;
    long size = -1;
    /**
     * Puts: what was at the path when the TURL was handed out (null: nothing). srmPutDone accepts only
     * a different entry, and cleaning up after an abort or expiry removes only a different one, so a
     * put that never wrote leaves an overwritten file's old content alone.
     */
    FileEntry baseline;

    FileRequest(String surl, String path) {
        this.surl = surl;
        this.path = path;
    }

    void fail(TStatusCode code, String why) {
        status = code;
        explanation = why;
        turl = null;
    }

    /** Whether the file still waits for the server (queued, or being checked). */
    boolean pending() {
        return status == TStatusCode.SRM_REQUEST_QUEUED || status == TStatusCode.SRM_REQUEST_INPROGRESS;
    }

    /** Whether the file holds a TURL the client may use (a get's pin, a put's space). */
    boolean ready() {
        return status == TStatusCode.SRM_FILE_PINNED || status == TStatusCode.SRM_SPACE_AVAILABLE;
    }

    /** Whether the file counts as done well in its request's summary. */
    boolean good() {
        return ready() || status == TStatusCode.SRM_SUCCESS || status == TStatusCode.SRM_RELEASED;
    }

    /** Whether the file still holds something: a place in the queue, a pin, or space for a put. */
    boolean open() {
        return pending() || ready();
    }
}
