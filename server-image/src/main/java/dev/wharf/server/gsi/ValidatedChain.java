package dev.wharf.server.gsi;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A client chain that passed {@link ChainValidator}.
 *
 * @param chain the presented certificates, leaf first (proxies, end entity, any intermediate CAs sent)
 * @param endEntity the first non-proxy certificate: whose identity this is
 * @param principal the end entity's subject in OpenSSL slash form: the session principal
 * @param leafType the leaf's proxy type ({@link ProxyType#NONE} when the end entity authenticated directly)
 * @param limited true when any proxy in the chain is limited
 * @param notAfter the earliest notAfter in the whole path: when the credential stops being valid
 */
public record ValidatedChain(List<X509Certificate> chain, X509Certificate endEntity, String principal,
        ProxyType leafType, boolean limited, Instant notAfter) {

    public ValidatedChain {
        chain = List.copyOf(chain);
    }

    public boolean isProxy() {
        return leafType.isProxy();
    }
}
