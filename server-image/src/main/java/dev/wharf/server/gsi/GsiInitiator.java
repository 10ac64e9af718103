package dev.wharf.server.gsi;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The initiator (client) side of a GSI security context, as {@code gss_init_sec_context} runs it: Wharf
 * is the initiator on data channels it connects (DCAU, the active side is the TLS client). Feed it the
 * acceptor's tokens with {@link #initToken(byte[])} (the first call with an empty token) and send what it
 * returns until {@link #isEstablished()}. On a data channel a "token" is simply whatever bytes arrived.
 *
 * <p>After the TLS handshake ({@link GsiAcceptor.Mode#GSI} only): if our last handshake flight just went
 * out, we wait for the acceptor's next token (its session tickets or NUL byte) before sending the flag
 * byte, as Globus does; otherwise the flag goes at once. With a {@link ProxySigner} the flag is 'D' and
 * the acceptor's certificate request is answered with a proxy it signs; without, the flag is '0'.
 */
public final class GsiInitiator implements GsiContext {

    /** Signs a proxy certificate for the acceptor's key during delegation. */
    @FunctionalInterface
    public interface ProxySigner {
        X509Certificate sign(PublicKey requestedKey) throws java.security.GeneralSecurityException;
    }

    private enum State { HANDSHAKE, FLAGS, REQUEST, ESTABLISHED }

    private final TlsTokenEngine tls;
    private final ChainValidator validator;
    private final GsiAcceptor.Mode mode;
    private final ProxySigner delegation;
    private State state = State.HANDSHAKE;
    private ValidatedChain peer;

    /**
     * @param clientEngine from {@link GsiTls#clientEngine}, with our credential and a {@link GsiTrustManager}
     * @param delegation null for no delegation ('0')
     */
    public GsiInitiator(SSLEngine clientEngine, ChainValidator validator, GsiAcceptor.Mode mode, ProxySigner delegation)
            throws SSLException {
        this.tls = new TlsTokenEngine(clientEngine);
        this.validator = validator;
        this.mode = mode;
        this.delegation = delegation;
    }

    /**
     * Consumes the acceptor's token and returns the next one to send (possibly empty).
     *
     * @throws GsiAuthenticationException when the acceptor's certificate is refused or the exchange breaks
     */
    public synchronized byte[] initToken(byte[] token) throws GsiAuthenticationException {
        if (state == State.ESTABLISHED) {
            throw new IllegalStateException("GSI context already established");
        }
        try {
            byte[] out = tls.feed(token);
            switch (state) {
                case HANDSHAKE -> {
                    if (tls.handshakeDone()) {
                        peer = peerChain();
                        if (mode == GsiAcceptor.Mode.SSL_COMPATIBLE) {
                            state = State.ESTABLISHED;
                        } else if (out.length == 0) {
                            out = flag();
                        } else {
                            state = State.FLAGS;
                        }
                    }
                }
                case FLAGS -> {
                    tls.takeApplicationData(); // the acceptor's NUL byte, if it sent one
                    out = TlsTokenEngine.concat(out, flag());
                }
                case REQUEST -> out = TlsTokenEngine.concat(out, answerRequest());
                default -> { }
            }
            return out;
        } catch (SSLException e) {
            throw new GsiAuthenticationException("TLS handshake failed: " + e.getMessage(), e, tls.pendingOutput());
        } catch (CertificateRejectedException e) {
            throw new GsiAuthenticationException(e.toString(), e, new byte[0]);
        } catch (java.security.GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            throw new GsiAuthenticationException("delegation failed: " + e.getMessage(), e, new byte[0]);
        }
    }

    private byte[] flag() throws SSLException {
        state = delegation == null ? State.ESTABLISHED : State.REQUEST;
        return tls.wrap(new byte[] {(byte) (delegation == null ? '0' : 'D')});
    }

    private byte[] answerRequest() throws java.security.GeneralSecurityException, java.io.IOException {
        byte[] data = tls.takeApplicationData();
        int length = DelegationRequest.certificateLength(data);
        if (length < 0 || data.length < length) {
            tls.unread(data);
            return new byte[0];
        }
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(Arrays.copyOf(data, length));
        X509Certificate proxy = delegation.sign(new JcaPKCS10CertificationRequest(request).getPublicKey());
        state = State.ESTABLISHED;
        try {
            return tls.wrap(proxy.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new java.io.IOException(e);
        }
    }

    private ValidatedChain peerChain() throws CertificateRejectedException, SSLException {
        Object remembered = tls.engine().getSession().getValue(GsiTrustManager.VALIDATED);
        if (remembered instanceof ValidatedChain chain) {
            return chain;
        }
        java.security.cert.Certificate[] certs = tls.engine().getSession().getPeerCertificates();
        return validator.validate(Arrays.copyOf(certs, certs.length, X509Certificate[].class));
    }

    @Override
    public synchronized boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    /** The acceptor's validated chain (for DCAU: compare its principal with the expected subject). */
    public synchronized Optional<ValidatedChain> peer() {
        return Optional.ofNullable(peer);
    }

    public synchronized String protocol() {
        return tls.engine().getSession().getProtocol();
    }

    @Override
    public synchronized byte[] wrap(byte[] plain) throws SSLException {
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("GSI context not established");
        }
        return tls.wrap(plain);
    }

    @Override
    public synchronized byte[] unwrap(byte[] token) throws SSLException {
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("GSI context not established");
        }
        tls.feed(token);
        return tls.takeApplicationData();
    }
}
