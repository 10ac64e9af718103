package dev.wharf.server.data;

import java.io.IOException;

/** A data connection whose peer failed authentication (e.g. GridFTP DCAU): the transfer fails with the message. */
public final class DataAuthenticationException extends IOException {

    public DataAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first DataAuthenticationException in {@code error}'s cause chain, or null. */
    public static DataAuthenticationException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAuthenticationException d) {
                return d;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
