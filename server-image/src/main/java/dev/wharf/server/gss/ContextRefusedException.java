package dev.wharf.server.gss;

/**
 * A client's GSS authentication failed ({@link SecurityContext#accept}); the message says why in words a user can
 * act on, and is what a door puts after {@code 535 Authentication failed: }. Each mechanism has its subclass.
 */
public class ContextRefusedException extends Exception {

    private final transient byte[] outputToken;

    public ContextRefusedException(String message, Throwable cause) {
        this(message, cause, new byte[0]);
    }

    protected ContextRefusedException(String message, Throwable cause, byte[] outputToken) {
        super(message, cause);
        this.outputToken = outputToken.clone();
    }

    /** Bytes still worth sending to the peer before closing (GSI: the TLS alert that tells it why), maybe empty. */
    public byte[] outputToken() {
        return outputToken.clone();
    }
}
