package dev.wharf.server.gsi;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Plugs {@link ChainValidator} into TLS so proxy chains are accepted (the JDK's own trust manager refuses
 * them). The result is left in the handshake session under {@link #VALIDATED} for the acceptor to pick
 * up; a refusal is thrown as the typed {@link CertificateRejectedException}, which the TLS engine turns
 * into a {@code bad_certificate}/{@code certificate_expired} alert. Used in both directions: for clients
 * (GSI acceptor) and servers (data-channel initiator with DCAU).
 */
public final class GsiTrustManager extends X509ExtendedTrustManager {

    /** Session value name of the {@link ValidatedChain} of the peer. */
    public static final String VALIDATED = "dev.wharf.gsi.validated";

    private final ChainValidator validator;

    public GsiTrustManager(ChainValidator validator) {
        this.validator = validator;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        remember(engine == null ? null : engine.getHandshakeSession(), validator.validate(chain));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        remember(engine == null ? null : engine.getHandshakeSession(), validator.validate(chain));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        validator.validate(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        validator.validate(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        validator.validate(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        validator.validate(chain);
    }

    /** Empty: Globus clients present their credential whatever CA names the request lists. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static void remember(SSLSession session, ValidatedChain validated) {
        if (session != null) {
            session.putValue(VALIDATED, validated);
        }
    }
}
