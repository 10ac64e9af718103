package dev.wharf.server.srm.transfer;

/**
 * The SRM v2.2 status codes the transfer calls answer with (GFD.129 {@code TStatusCode}; the names are
 * the wire values). The request store speaks these so its rules can be tested without SOAP; the
 * handlers turn them into the generated type by name.
 */
public enum SrmStatus {
    SRM_SUCCESS,
    SRM_FAILURE,
    SRM_AUTHORIZATION_FAILURE,
    SRM_INVALID_REQUEST,
    SRM_INVALID_PATH,
    SRM_NO_FREE_SPACE,
    SRM_DUPLICATION_ERROR,
    SRM_INTERNAL_ERROR,
    SRM_NOT_SUPPORTED,
    SRM_REQUEST_QUEUED,
    SRM_REQUEST_INPROGRESS,
    SRM_ABORTED,
    SRM_RELEASED,
    SRM_FILE_PINNED,
    SRM_SPACE_AVAILABLE,
    SRM_PARTIAL_SUCCESS,
    SRM_REQUEST_TIMED_OUT,
    SRM_FILE_LIFETIME_EXPIRED,
    SRM_FILE_BUSY;

    /** A file in this state still waits for the server (the request is queued or in progress). */
    public boolean pending() {
        return this == SRM_REQUEST_QUEUED || this == SRM_REQUEST_INPROGRESS;
    }

    /** A file in this state holds a TURL the client may use (a get's pin, a put's space). */
    public boolean ready() {
        return this == SRM_FILE_PINNED || this == SRM_SPACE_AVAILABLE;
    }

    /** A file state that counts as done well for the request's summary. */
    public boolean good() {
        return ready() || this == SRM_SUCCESS || this == SRM_RELEASED;
    }
}
