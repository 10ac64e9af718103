package dev.wharf.server.gsi;

import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The initiator (client) side of a Globus GSI context, as {@code gss_init_sec_context} runs it, for
 * driving {@link GsiAcceptor} in tests: TLS client handshake; then, if our last handshake flight went
 * out, wait for the acceptor's next token (its Finished, session tickets or the NUL byte) before sending
 * the flag byte; on 'D' read the PKCS#10 request and answer with a proxy certificate signed by our key.
 */
final class GsiTestInitiator {

    private enum State { HANDSHAKE, FLAGS, REQUEST, DONE }

    private final TlsTokenEngine tls;
    private final Credential credential;
    private final ProxyKind delegationKind;
    private State state = State.HANDSHAKE;

    /** {@code delegationKind} null: send '0' (no delegation). */
    GsiTestInitiator(Credential credential, ChainValidator serverValidator, List<String> protocols,
            ProxyKind delegationKind) throws SSLException {
        SSLContext context = GsiTls.context(credential.key(), credential.chain(), new GsiTrustManager(serverValidator));
        this.tls = new TlsTokenEngine(GsiTls.clientEngine(context, protocols));
        this.credential = credential;
        this.delegationKind = delegationKind;
    }

    byte[] initToken(byte[] in) throws IOException {
        byte[] out = tls.feed(in);
        switch (state) {
            case HANDSHAKE -> {
                if (tls.handshakeDone()) {
                    if (out.length == 0) {
                        out = flag();
                    } else {
                        state = State.FLAGS;
                    }
                }
            }
            case FLAGS -> {
                tls.takeApplicationData(); // the acceptor's NUL byte, if it sent one
                out = concat(out, flag());
            }
            case REQUEST -> {
                byte[] data = tls.takeApplicationData();
                int length = DelegationRequest.certificateLength(data);
                if (length < 0 || data.length < length) {
                    tls.unread(data);
                    return out;
                }
                JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(Arrays.copyOf(data, length));
                X509Certificate proxy;
                try {
                    proxy = TestPki.signProxy(credential, request.getPublicKey(), delegationKind, -1,
                            Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofHours(1)));
                } catch (java.security.GeneralSecurityException e) {
                    throw new IOException(e);
                }
                try {
                    out = concat(out, tls.wrap(proxy.getEncoded()));
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new IOException(e);
                }
                state = State.DONE;
            }
            case DONE -> throw new IllegalStateException("initiator already done");
        }
        return out;
    }

    private byte[] flag() throws SSLException {
        state = delegationKind == null ? State.DONE : State.REQUEST;
        return tls.wrap(new byte[] {(byte) (delegationKind == null ? '0' : 'D')});
    }

    boolean isDone() {
        return state == State.DONE;
    }

    String protocol() {
        return tls.engine().getSession().getProtocol();
    }

    byte[] wrap(byte[] plain) throws SSLException {
        return tls.wrap(plain);
    }

    byte[] unwrap(byte[] token) throws SSLException {
        tls.feed(token);
        return tls.takeApplicationData();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
