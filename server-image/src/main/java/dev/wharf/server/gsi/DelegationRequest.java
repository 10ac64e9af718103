package dev.wharf.server.gsi;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The acceptor's side of Globus delegation: a fresh key pair the size of the client's RSA key, a DER
 * PKCS#10 request for it (what {@code globus_gsi_proxy_create_req} sends; the client ignores its subject
 * and names the proxy itself), and the assembly of the proxy certificate the client returns. The DER
 * certificate may arrive split over several records, so {@link #certificateLength(byte[])} reads the
 * ASN.1 header to tell when it is complete.
 */
final class DelegationRequest {

    static final int DEFAULT_BITS = 2048;

    private final KeyPair keys;
    private final byte[] der;

    private DelegationRequest(KeyPair keys, byte[] der) {
        this.keys = keys;
        this.der = der;
    }

    /** A request matching the peer's key size and signature digest. */
    static DelegationRequest forPeer(X509Certificate peer) {
        PublicKey peerKey = peer.getPublicKey();
        int bits = peerKey instanceof RSAPublicKey rsa ? Math.max(rsa.getModulus().bitLength(), DEFAULT_BITS) : DEFAULT_BITS;
        try {
            KeyPair keys = DelegationKeys.SHARED.take(bits);
            String algorithm = peer.getSigAlgName().toUpperCase().contains("SHA512") ? "SHA512withRSA"
                    : peer.getSigAlgName().toUpperCase().contains("SHA384") ? "SHA384withRSA" : "SHA256withRSA";
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=proxy request"), keys.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())).getEncoded();
            return new DelegationRequest(keys, der);
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the delegation request: " + e.getMessage(), e);
        }
    }

    byte[] der() {
        return der.clone();
    }

    /**
     * The total length of the DER object starting at {@code data[0]}, or -1 while the header itself is
     * incomplete. Throws when the bytes cannot be the start of a certificate.
     */
    static int certificateLength(byte[] data) {
        if (data.length < 2) {
            return -1;
        }
        if (data[0] != 0x30) {
            throw new IllegalArgumentException(String.format("expected a DER SEQUENCE, got tag 0x%02x", data[0] & 0xff));
        }
        int first = data[1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 4) {
            throw new IllegalArgumentException("unsupported DER length encoding");
        }
        if (data.length < 2 + count) {
            return -1;
        }
        long length = new BigInteger(1, Arrays.copyOfRange(data, 2, 2 + count)).longValue();
        if (length > 1 << 20) {
            throw new IllegalArgumentException("delegated certificate larger than 1 MiB");
        }
        return (int) (2 + count + length);
    }

    /** Parses the returned certificate, checks it certifies our key and builds the credential's chain. */
    List<X509Certificate> assemble(byte[] certificateDer, List<X509Certificate> peerChain)
            throws CertificateRejectedException {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(certificateDer));
        } catch (GeneralSecurityException e) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.MALFORMED_PROXY,
                    "delegated certificate cannot be parsed: " + e.getMessage());
        }
        if (!cert.getPublicKey().equals(keys.getPublic())) {
            throw new CertificateRejectedException(CertificateRejectedException.Reason.MALFORMED_PROXY,
                    "delegated certificate " + OpenSslDn.render(cert.getSubjectX500Principal())
                            + " does not certify the requested key");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(peerChain);
        return chain;
    }

    KeyPair keys() {
        return keys;
    }
}
