package dev.wharf.server.gsi;

import dev.wharf.server.gss.SecurityContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The server (acceptor) side of a Globus GSI security context, driven by opaque tokens as
 * {@code gss_accept_sec_context} is: call {@link #accept(byte[])} with each token from the client
 * (the decoded ADAT argument) and send back what it returns, until {@link #isEstablished()}.
 *
 * <p>The exchange is a TLS handshake with client authentication required (chains checked by
 * {@link ChainValidator}, proxies accepted); then, unless the context is {@link Mode#SSL_COMPATIBLE},
 * Globus's delegation step inside TLS application data: if the handshake ended with nothing for us to
 * send we send one NUL byte so the client speaks next; the client sends {@code 'D'} (delegate) or
 * {@code '0'}; on {@code 'D'} we send a DER PKCS#10 request for a fresh key and the client answers with
 * the DER proxy certificate it signed. Afterwards {@link #wrap(byte[])} and {@link #unwrap(byte[])} protect
 * messages as TLS application-data records (the payload of ENC/MIC commands and 63x replies).
 *
 * <p>One instance per session; methods are synchronized because a door may call from different threads.
 * {@link #accept(byte[])} can block for the RSA key generation of a delegation (tens to hundreds of ms).
 */
public final class GsiAcceptor implements GsiContext, SecurityContext {

    /** Whether the Globus delegation step follows the handshake. */
    public enum Mode {
        /** Control channels (gsiftp, gsidcap) and PROT C data channels: flag byte and optional delegation. */
        GSI,
        /** Plain TLS after the handshake ({@code GSS_C_GLOBUS_SSL_COMPATIBLE}, PROT S/P data channels). */
        SSL_COMPATIBLE,
        /**
         * A stream that may carry either (the SRM door's port): a first application byte {@code 'D'} or
         * {@code '0'} is Globus's flag as in {@link #GSI}; anything else is the first byte of a plain TLS
         * client's protocol (an HTTPS {@code POST}) and is kept for it, as in {@link #SSL_COMPATIBLE}.
         */
        GSI_OR_TLS
    }

    private enum State { HANDSHAKE, FLAGS, CERT, ESTABLISHED, FAILED }

    private static final byte DELEGATE = 'D';
    private static final byte NO_DELEGATION = '0';

    private final TlsTokenEngine tls;
    private final ChainValidator validator;
    private final Mode mode;
    private State state = State.HANDSHAKE;
    private ValidatedChain peer;
    private DelegationRequest delegation;
    private DelegatedCredential delegated;

    public GsiAcceptor(SSLEngine serverEngine, ChainValidator validator, Mode mode) throws SSLException {
        this.tls = new TlsTokenEngine(serverEngine);
        this.validator = validator;
        this.mode = mode;
    }

    /**
     * Consumes one token from the initiator and returns the token to send back (empty when there is
     * nothing to send; after establishment an empty return means "235 without ADAT").
     *
     * @throws GsiAuthenticationException when authentication failed; the context is unusable afterwards
     */
    @Override
    public synchronized byte[] accept(byte[] token) throws GsiAuthenticationException {
        switch (state) {
            case ESTABLISHED -> throw new IllegalStateException("GSI context already established");
            case FAILED -> throw new GsiAuthenticationException("GSI context failed earlier", null, new byte[0]);
            default -> { }
        }
        try {
            byte[] out = tls.feed(token);
            if (state == State.HANDSHAKE && tls.handshakeDone()) {
                out = handshakeFinished(out);
            }
            if (state == State.FLAGS) {
                out = TlsTokenEngine.concat(out, readFlag());
            }
            if (state == State.CERT) {
                readDelegatedCertificate();
            }
            return out;
        } catch (SSLException e) {
            state = State.FAILED;
            throw new GsiAuthenticationException(describe(e), e, tls.pendingOutput());
        } catch (CertificateRejectedException e) {
            state = State.FAILED;
            throw new GsiAuthenticationException(e.toString(), e, new byte[0]);
        } catch (IllegalArgumentException e) {
            state = State.FAILED;
            throw new GsiAuthenticationException("delegation protocol violation: " + e.getMessage(), e, new byte[0]);
        }
    }

    private byte[] handshakeFinished(byte[] out) throws SSLException, CertificateRejectedException {
        peer = peerChain();
        if (mode == Mode.SSL_COMPATIBLE) {
            state = State.ESTABLISHED;
            return out;
        }
        state = State.FLAGS;
        // Keeps the token exchange going: the client speaks next with its flag byte.
        return out.length == 0 ? tls.wrap(new byte[] {0}) : out;
    }

    private ValidatedChain peerChain() throws SSLPeerUnverifiedException, CertificateRejectedException {
        Object remembered = tls.engine().getSession().getValue(GsiTrustManager.VALIDATED);
        if (remembered instanceof ValidatedChain chain) {
            return chain;
        }
        Certificate[] certs = tls.engine().getSession().getPeerCertificates();
        return validator.validate(Arrays.copyOf(certs, certs.length, X509Certificate[].class));
    }

    private byte[] readFlag() throws SSLException {
        byte[] data = tls.takeApplicationData();
        if (data.length == 0) {
            return new byte[0];
        }
        if (mode == Mode.GSI_OR_TLS && data[0] != NO_DELEGATION && data[0] != DELEGATE) {
            tls.unread(data);
            state = State.ESTABLISHED;
            return new byte[0];
        }
        tls.unread(Arrays.copyOfRange(data, 1, data.length));
        if (data[0] == NO_DELEGATION) {
            state = State.ESTABLISHED;
            return new byte[0];
        }
        if (data[0] != DELEGATE) {
            throw new IllegalArgumentException(String.format("flag byte 0x%02x is neither 'D' nor '0'", data[0] & 0xff));
        }
        delegation = DelegationRequest.forPeer(peer.chain().get(0));
        state = State.CERT;
        return tls.wrap(delegation.der());
    }

    private void readDelegatedCertificate() throws CertificateRejectedException {
        byte[] data = tls.takeApplicationData();
        int length = DelegationRequest.certificateLength(data);
        if (length < 0 || data.length < length) {
            tls.unread(data);
            return;
        }
        // on a stream (httpg) the client's first protected bytes may follow the certificate in the same read
        tls.unread(Arrays.copyOfRange(data, length, data.length));
        List<X509Certificate> chain = delegation.assemble(Arrays.copyOf(data, length), peer.chain());
        ValidatedChain validated = validator.validate(chain.toArray(new X509Certificate[0]));
        if (!validated.principal().equals(peer.principal())) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.MALFORMED_PROXY,
                    "delegated credential belongs to " + validated.principal() + ", not " + peer.principal());
        }
        delegated = new DelegatedCredential(delegation.keys().getPrivate(), chain, validated);
        delegation = null;
        state = State.ESTABLISHED;
    }

    @Override
    public synchronized boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    /** The client's validated chain; available once the TLS handshake finished. */
    public synchronized ValidatedChain peer() {
        if (peer == null) {
            throw new IllegalStateException("no peer before the handshake finished");
        }
        return peer;
    }

    /** The session principal: the end-entity DN of the client, in OpenSSL slash form. */
    @Override
    public String principal() {
        return peer().principal();
    }

    /** The credential the client delegated, if it did. */
    public synchronized Optional<DelegatedCredential> delegatedCredential() {
        return Optional.ofNullable(delegated);
    }

    /** The negotiated TLS protocol, e.g. {@code TLSv1.2}. */
    public synchronized String protocol() {
        return tls.engine().getSession().getProtocol();
    }

    /** Protects {@code plain} (gss_wrap): the TLS application-data records carrying it. */
    @Override
    public synchronized byte[] wrap(byte[] plain) throws SSLException {
        requireEstablished();
        return tls.wrap(plain);
    }

    /**
     * Unprotects one token (gss_unwrap): the application data of the complete records in it. Bytes of an
     * incomplete trailing record are kept and completed by the next call.
     */
    @Override
    public synchronized byte[] unwrap(byte[] token) throws SSLException {
        requireEstablished();
        tls.feed(token);
        return tls.takeApplicationData();
    }

    /** TLS records always encrypt: {@code confidential} changes nothing. */
    @Override
    public synchronized byte[] wrap(byte[] plain, int offset, int length, boolean confidential) throws SSLException {
        return wrap(Arrays.copyOfRange(plain, offset, offset + length));
    }

    /** {@link #unwrap(byte[])} of a slice; what TLS records carry is always encrypted. */
    @Override
    public synchronized Unwrapped unwrap(byte[] token, int offset, int length) throws SSLException {
        return new Unwrapped(unwrap(Arrays.copyOfRange(token, offset, offset + length)), true);
    }

    /** Ends the context; the delegated credential is dropped with it. */
    @Override
    public synchronized void dispose() {
        delegated = null;
        delegation = null;
        tls.engine().closeOutbound();
        state = State.FAILED;
    }

    private void requireEstablished() {
        if (state != State.ESTABLISHED) {
            throw new IllegalStateException("GSI context not established");
        }
    }

    private static String describe(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejectedException rejected) {
                return "client certificate refused: " + rejected;
            }
        }
        return "TLS handshake failed: " + e.getMessage();
    }
}
