package dev.wharf.server.krb;

import dev.wharf.server.gss.ContextRefusedException;

/** A client's Kerberos authentication failed; the message says why in words a user can act on. */
public final class KrbRefusedException extends ContextRefusedException {

    public KrbRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
