package dev.wharf.server.gsi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A proxy credential the client delegated during the GSS exchange: our private key and the chain
 * {@code [new proxy, client chain…]}. Lives only in the session's memory (it is never written out) and is
 * what the server uses as its own credential on DCAU data channels and onward third-party transfers.
 *
 * @param validated the validation result of {@link #chain()} (its principal is the session principal)
 */
public record DelegatedCredential(PrivateKey key, List<X509Certificate> chain, ValidatedChain validated) {

    public DelegatedCredential {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public boolean limited() {
        return validated.limited();
    }

    public Instant notAfter() {
        return validated.notAfter();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "DelegatedCredential[" + OpenSslDn.render(certificate().getSubjectX500Principal()) + ", until "
                + notAfter() + "]";
    }
}
