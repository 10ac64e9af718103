package dev.wharf.server.gsi;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway GSI PKI for tests (this one and the gsiftp/gsidcap door tests): a CA, host and user
 * certificates, RFC 3820 and legacy proxies, expired and revoked certificates, a second CA nobody trusts,
 * and the {@code X509_CERT_DIR} layout ({@code <hash>.0}, {@code <hash>.signing_policy}, {@code <hash>.r0})
 * Globus tools accept. Keys are RSA 2048 (Debian's OpenSSL refuses shorter ones) drawn from a small pool
 * shared by the whole test JVM, because key generation dominates the cost.
 */
public final class TestPki {

    /** A private key with its certificate chain, leaf first. */
    public record Credential(PrivateKey key, List<X509Certificate> chain) {
        public Credential {
            chain = List.copyOf(chain);
        }

        public X509Certificate cert() {
            return chain.get(0);
        }

        public String dn() {
            return OpenSslDn.render(cert().getSubjectX500Principal());
        }

        public X509Certificate[] chainArray() {
            return chain.toArray(new X509Certificate[0]);
        }
    }

    public static final String CA_DN = "/C=XX/O=Wharf Test/CN=Wharf Test CA";
    public static final String USER_DN = "/C=XX/O=Wharf Test/OU=People/CN=Jane Doe";
    public static final String HOST_DN = "/C=XX/O=Wharf Test/OU=Hosts/CN=localhost";

    private static final List<KeyPair> KEY_POOL = new ArrayList<>();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static int nextKey;

    private final Path certDir;
    private final Credential ca;
    private final Credential host;
    private final Credential user;
    private final List<X509Certificate> revoked = new ArrayList<>();

    private TestPki(Path certDir, Credential ca) {
        this.certDir = certDir;
        this.ca = ca;
        Instant now = Instant.now();
        this.host = issue(ca, HOST_DN, newKeyPair(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
                true, EE_USAGE);
        this.user = issue(ca, USER_DN, newKeyPair(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
                false, EE_USAGE);
    }

    /** A fresh CA with host and user certificates; {@code certDir} receives the trust files. */
    public static TestPki create(Path certDir) {
        return create(certDir, CA_DN, "/C=XX/O=Wharf Test/*");
    }

    public static TestPki create(Path certDir, String caDn, String policyPattern) {
        Instant now = Instant.now();
        Credential ca = selfSignedCa(caDn, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        TestPki pki = new TestPki(certDir, ca);
        try {
            Files.createDirectories(certDir);
            pki.writeCa(policyPattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pki;
    }

    /**
     * An intermediate CA signed by this PKI's CA. With {@code install} its certificate goes into the trust
     * directory; its signing policy (allowing {@code /C=XX/O=Wharf Test/*}) is written either way.
     */
    public Credential subCa(String dn, boolean install) {
        Instant now = Instant.now();
        KeyPair keys = newKeyPair();
        try {
            X509v3CertificateBuilder b = builder(ca.cert(), OpenSslDn.parse(dn), keys.getPublic(),
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            Credential sub = new Credential(keys.getPrivate(), prepend(sign(b, ca.key()), ca.chain()));
            String hash = OpenSslHash.subjectHash(sub.cert().getSubjectX500Principal());
            if (install) {
                Files.writeString(certDir.resolve(hash + ".0"), pem(sub.cert()));
            }
            writeSigningPolicy(sub, "/C=XX/O=Wharf Test/*");
            return sub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CA whose files are written nowhere: nothing it signs is trusted. */
    public static Credential untrustedCa() {
        Instant now = Instant.now();
        return selfSignedCa("/C=XX/O=Rogue/CN=Rogue CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    public Path certDir() {
        return certDir;
    }

    public Credential ca() {
        return ca;
    }

    public Credential host() {
        return host;
    }

    public Credential user() {
        return user;
    }

    public String caHash() {
        return OpenSslHash.subjectHash(ca.cert().getSubjectX500Principal());
    }

    /** A user certificate with the given subject and validity, signed by this CA. */
    public Credential issueUser(String dn, Instant notBefore, Instant notAfter) {
        return issue(ca, dn, newKeyPair(), notBefore, notAfter, false, EE_USAGE);
    }

    /** The key usage of ordinary end-entity certificates. */
    public static final int EE_USAGE = KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment;

    /**
     * Any end-entity certificate signed by {@code issuer} (which need not be this PKI's CA); {@code keyUsage}
     * is a Bouncy Castle {@link KeyUsage} bit mask, 0 for none.
     */
    public static Credential issue(Credential issuer, String dn, KeyPair keys, Instant notBefore, Instant notAfter,
            boolean hostCert, int keyUsage) {
        try {
            X509v3CertificateBuilder b = builder(issuer.cert(), OpenSslDn.parse(dn), keys.getPublic(), notBefore, notAfter);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (keyUsage != 0) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (hostCert) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            } else {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            return new Credential(keys.getPrivate(), prepend(sign(b, issuer.key()), issuer.chain()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Credential selfSignedCa(String dn, Instant notBefore, Instant notAfter) {
        KeyPair keys = newKeyPair();
        X500Name name = OpenSslDn.parse(dn);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                    Date.from(notAfter), name, keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Credential(keys.getPrivate(), List.of(sign(b, keys.getPrivate())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Proxy flavours the tests need. */
    public enum ProxyKind { RFC_IMPERSONATION, RFC_LIMITED, RFC_INDEPENDENT, LEGACY, LEGACY_LIMITED }

    /** A proxy of {@code issuer} with a fresh key, valid from an hour ago for {@code validity}. */
    public static Credential proxy(Credential issuer, ProxyKind kind, Duration validity) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X509Certificate cert = signProxy(issuer, keys.getPublic(), kind, -1, now.minus(Duration.ofMinutes(5)),
                now.plus(validity));
        return new Credential(keys.getPrivate(), prepend(cert, issuer.chain()));
    }

    /**
     * Signs a proxy certificate for {@code publicKey} with {@code issuer}'s key, as a GSI client does in
     * delegation and grid-proxy-init does locally. {@code pathLength} −1 leaves the constraint out.
     */
    public static X509Certificate signProxy(Credential issuer, PublicKey publicKey, ProxyKind kind, int pathLength,
            Instant notBefore, Instant notAfter) {
        BigInteger serial = serial();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        for (RDN rdn : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded()).getRDNs()) {
            subject.addMultiValuedRDN(rdn.getTypesAndValues());
        }
        String cn = switch (kind) {
            case LEGACY -> "proxy";
            case LEGACY_LIMITED -> "limited proxy";
            default -> serial.toString();
        };
        subject.addRDN(BCStyle.CN, cn);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.cert(), serial, Date.from(notBefore),
                    Date.from(notAfter), subject.build(), publicKey);
            ASN1ObjectIdentifier language = switch (kind) {
                case RFC_IMPERSONATION -> ProxyCertInfo.INHERIT_ALL;
                case RFC_LIMITED -> ProxyCertInfo.GLOBUS_LIMITED;
                case RFC_INDEPENDENT -> ProxyCertInfo.INDEPENDENT;
                default -> null;
            };
            if (language != null) {
                b.addExtension(ProxyCertInfo.OID, true, new ProxyCertInfo(pathLength, language).encode());
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            return sign(b, issuer.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code cert} to this CA's CRL and rewrites {@code <hash>.r0}. */
    public void revoke(X509Certificate cert) {
        revoked.add(cert);
        writeCrl(Instant.now().plus(Duration.ofDays(7)));
    }

    /** Rewrites the CRL with the given nextUpdate (a past one makes an expired CRL). */
    public void writeCrl(Instant nextUpdate) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(ca.cert().getSubjectX500Principal().getEncoded()),
                    Date.from(Instant.now().minus(Duration.ofMinutes(10))));
            b.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate r : revoked) {
                b.addCRLEntry(r.getSerialNumber(), new Date(), CRLReason.keyCompromise);
            }
            X509CRL crl = new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key())));
            Files.writeString(certDir.resolve(caHash() + ".r0"), pem(crl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeCa(String policyPattern) throws IOException {
        Files.writeString(certDir.resolve(caHash() + ".0"), pem(ca.cert()));
        writeSigningPolicy(policyPattern);
    }

    public void writeSigningPolicy(String policyPattern) throws IOException {
        writeSigningPolicy(ca, policyPattern);
    }

    /** Writes {@code <hash>.signing_policy} letting {@code issuer} sign subjects matching {@code policyPattern}. */
    public void writeSigningPolicy(Credential issuer, String policyPattern) throws IOException {
        Files.writeString(certDir.resolve(OpenSslHash.subjectHash(issuer.cert().getSubjectX500Principal())
                + ".signing_policy"), String.join("\n",
                "# test CA signing policy",
                "access_id_CA   X509    '" + issuer.dn() + "'",
                "pos_rights     globus  CA:sign",
                "cond_subjects  globus  '\"" + policyPattern + "\"'", ""));
    }

    /**
     * Settings for a GSI service of this PKI: the host credential written to {@code dir}/hostcert.pem and
     * hostkey.pem, this PKI's trust directory, no grid-mapfile.
     */
    public GsiSettings settings(Path dir, List<String> tlsProtocols) throws IOException {
        writePem(host, dir.resolve("hostcert.pem"), dir.resolve("hostkey.pem"));
        return new GsiSettings(dir.resolve("hostcert.pem"), dir.resolve("hostkey.pem"), certDir,
                java.util.Optional.empty(), tlsProtocols);
    }

    /** Writes {@code credential}'s certificate chain and key as PEM; the key file gets mode 0600. */
    public static void writePem(Credential credential, Path certFile, Path keyFile) throws IOException {
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : credential.chain()) {
            chain.append(pem(c));
        }
        Files.writeString(certFile, chain.toString());
        Files.deleteIfExists(keyFile);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, pem(credential.key()));
    }

    /** A Globus proxy file ({@code X509_USER_PROXY}): certificate, key, then the rest of the chain; mode 0600. */
    public static void writeProxyFile(Credential proxy, Path file) throws IOException {
        StringBuilder text = new StringBuilder(pem(proxy.cert())).append(pem(proxy.key()));
        for (X509Certificate c : proxy.chain().subList(1, proxy.chain().size())) {
            text.append(pem(c));
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text.toString());
    }

    public static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(object);
        }
        return out.toString();
    }

    public static synchronized KeyPair newKeyPair() {
        if (KEY_POOL.size() < 6) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KEY_POOL.add(g.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return KEY_POOL.get(KEY_POOL.size() - 1);
        }
        return KEY_POOL.get(nextKey++ % KEY_POOL.size());
    }

    private static X509v3CertificateBuilder builder(X509Certificate issuer, X500Name subject, PublicKey key,
            Instant notBefore, Instant notAfter) {
        return new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore), Date.from(notAfter),
                subject, key);
    }

    static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) {
        try {
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<X509Certificate> prepend(X509Certificate first, List<X509Certificate> rest) {
        List<X509Certificate> out = new ArrayList<>();
        out.add(first);
        for (X509Certificate c : rest) {
            if (!isSelfSigned(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static boolean isSelfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }
}
