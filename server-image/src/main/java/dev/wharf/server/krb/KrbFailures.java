package dev.wharf.server.krb;

import org.ietf.jgss.GSSException;

/**
 * Why the JDK refused a Kerberos token, as one short phrase for the reply and the log line. The JDK's GSS
 * minor status is the Kerberos error code (RFC 4120 section 7.5.9) of the failed check; the ones a client
 * can cause are named, anything else keeps the JDK's own text.
 */
public final class KrbFailures {

    static final int TKT_EXPIRED = 32;
    static final int TKT_NYV = 33;
    static final int REPEAT = 34;
    static final int SKEW = 37;
    static final int MODIFIED = 41;
    static final int BADKEYVER = 44;
    static final int NOKEY = 45;

    private KrbFailures() {}

    public static String describe(GSSException e) {
        return switch (e.getMinor()) {
            case TKT_EXPIRED -> "ticket expired";
            case TKT_NYV -> "ticket not yet valid";
            case REPEAT -> "replayed authenticator";
            case SKEW -> "clock skew too great between client and server";
            case MODIFIED, BADKEYVER, NOKEY -> "ticket not encrypted with this server's key (a stale keytab, or a ticket for another service)";
            default -> e.getMajor() == GSSException.DUPLICATE_TOKEN ? "replayed token"
                    : e.getMajor() == GSSException.DEFECTIVE_TOKEN ? "malformed token" : e.getMessage();
        };
    }
}
