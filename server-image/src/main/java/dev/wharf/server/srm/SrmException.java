package dev.wharf.server.srm;

import dev.wharf.server.srm.v22.TStatusCode;

/** The whole request fails with {@code status}; the dispatcher answers with the operation's status-only response. */
public final class SrmException extends Exception {

    private final TStatusCode status;

    public SrmException(TStatusCode status, String explanation) {
        super(explanation);
        this.status = status;
    }

    public TStatusCode status() {
        return status;
    }
}
