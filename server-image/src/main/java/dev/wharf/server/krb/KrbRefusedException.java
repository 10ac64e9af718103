package dev.wharf.server.krb;

/** A client's Kerberos authentication failed; the message says why in words a user can act on. */
public final class KrbRefusedException extends Exception {

    public KrbRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
