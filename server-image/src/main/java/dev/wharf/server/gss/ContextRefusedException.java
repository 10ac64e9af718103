package dev.wharf.server.gss;

/**
 * A client's GSS authentication failed ({@link SecurityContext#accept}); the message says why in words a user can
 * act on, and is what a door puts after {@code 535 Authentication failed: }. Each mechanism has its subclass.
 */
public class ContextRefusedException extends Exception {

    public ContextRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
