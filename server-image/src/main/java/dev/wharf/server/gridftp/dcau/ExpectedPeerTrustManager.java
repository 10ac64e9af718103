package dev.wharf.server.gridftp.dcau;

import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiTrustManager;
import dev.wharf.server.gsi.OpenSslDn;
import dev.wharf.server.gsi.ValidatedChain;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust decision of a DCAU data channel, in either TLS role: the peer's chain must pass
 * {@link ChainValidator} (proxies accepted) and its identity (end-entity DN) must be the expected one,
 * compared as Globus does ({@link OpenSslDn#sameDn}). Checking inside the handshake means a refused peer
 * gets an alert and never one byte of data. The validated chain is left in the handshake session under
 * {@link GsiTrustManager#VALIDATED}, as the GSI acceptor and initiator expect.
 */
final class ExpectedPeerTrustManager extends X509ExtendedTrustManager {

    private final ChainValidator validator;
    private final String expected;

    ExpectedPeerTrustManager(ChainValidator validator, String expected) {
        this.validator = validator;
        this.expected = expected;
    }

    private ValidatedChain check(X509Certificate[] chain) throws CertificateException {
        ValidatedChain validated = validator.validate(chain);
        if (!OpenSslDn.sameDn(validated.principal(), expected)) {
            throw new PeerMismatchException(validated.principal(), expected);
        }
        return validated;
    }

    private void checkAndRemember(X509Certificate[] chain, SSLEngine engine) throws CertificateException {
        ValidatedChain validated = check(chain);
        if (engine != null && engine.getHandshakeSession() != null) {
            engine.getHandshakeSession().putValue(GsiTrustManager.VALIDATED, validated);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkAndRemember(chain, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkAndRemember(chain, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    /** Empty: Globus peers present their credential whatever CA names a request lists. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** The data peer authenticated, but as somebody else. */
    static final class PeerMismatchException extends CertificateException {
        PeerMismatchException(String actual, String expected) {
            super("data connection peer " + actual + " is not " + expected);
        }
    }
}
