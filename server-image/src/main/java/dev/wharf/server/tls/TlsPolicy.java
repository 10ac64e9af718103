package dev.wharf.server.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The one place that decides which TLS versions and cipher suites Wharf speaks: TLS 1.2 and 1.3 only,
 * forward-secret AEAD suites only (AES-GCM, ChaCha20-Poly1305). Everything older is refused during
 * the handshake with a protocol_version or handshake_failure alert.
 */
public final class TlsPolicy {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * FTPS data connections speak TLS 1.2 only. A TLS 1.3 server sends its session tickets after the
     * handshake; an uploading client (curl and lftp with OpenSSL or GnuTLS) never reads them and closes
     * the connection with those bytes unread, so its kernel answers with a reset that throws away the
     * upload's last bytes still in flight: the server sees "connection reset" and the transfer fails
     * (seen with Debian's curl 7.88 and a 500 kB upload). TLS 1.2 sends nothing after the handshake.
     */
    public static final List<String> DATA_CHANNEL_PROTOCOLS = List.of("TLSv1.2");

    /** In preference order; the filter drops what the JDK or the key type cannot do. */
    public static final List<String> CIPHER_SUITES = List.of(
            // TLS 1.3 (all AEAD by construction)
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            // TLS 1.2: ECDHE key exchange, AEAD record protection
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {}

    /** A server context for {@code key} and its certificate chain (leaf first). */
    public static SslContext serverContext(PrivateKey key, List<X509Certificate> chain) {
        try {
            return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                    .clientAuth(ClientAuth.NONE)
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build a TLS server context: " + e.getMessage(), e);
        }
    }
}
