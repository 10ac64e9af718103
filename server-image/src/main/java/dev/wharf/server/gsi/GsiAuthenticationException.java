package dev.wharf.server.gsi;

import dev.wharf.server.gss.ContextRefusedException;
import java.util.Optional;

/**
 * The GSS exchange failed. {@link #outputToken()} holds bytes still worth sending to the peer (a TLS alert
 * that tells the client why), possibly empty; {@link #rejection()} is present when the peer's certificate
 * chain was refused, with the typed reason. A door replies 535 and logs {@link #getMessage()} once.
 */
public final class GsiAuthenticationException extends ContextRefusedException {

    public GsiAuthenticationException(String message, Throwable cause, byte[] outputToken) {
        super(message, cause, outputToken);
    }

    /** The certificate refusal somewhere in the cause chain, if that is what failed. */
    public Optional<CertificateRejectedException> rejection() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof CertificateRejectedException rejected) {
                return Optional.of(rejected);
            }
        }
        return Optional.empty();
    }
}
