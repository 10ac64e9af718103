package dev.wharf.server.gsi;

/**
 * An authenticated identity (a GSI DN, a Kerberos principal) may not log in as the requested account; the message
 * says why: the log line, and on krbftp the reply too.
 */
public final class LoginRefusedException extends Exception {
    public LoginRefusedException(String message) {
        super(message);
    }
}
