package dev.wharf.server.srm.transfer;

import dev.wharf.server.srm.v22.TStatusCode;
import java.net.URI;

/**
 * A file of a request as a status call reports it.
 *
 * @param turl             the transfer URL while the file is pinned or has space, else null
 * @param size             bytes (gets: the file's size), or -1 when unknown
 * @param remainingSeconds of the pin or put, 0 once the file is no longer open
 */
public record FileView(String surl, TStatusCode status, String explanation, URI turl, long size, long remainingSeconds) {

    /** Whether the file still waits for the server (its request was queued). */
    public boolean pending() {
        return status == TStatusCode.SRM_REQUEST_QUEUED || status == TStatusCode.SRM_REQUEST_INPROGRESS;
    }
}
