package dev.wharf.server.tls;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import io.netty.handler.ssl.SslContext;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity and the Netty {@link SslContext} every TLS-speaking door uses (explicit
 * AUTH TLS, implicit FTPS, TLS data channels). Built once at start from {@code tls.certificate} and
 * {@code tls.key}; with neither configured a self-signed certificate is made and one warning says so.
 * Doors create handlers with {@code sslContext().newHandler(channel.alloc())}.
 */
public final class ServerTls {

    public static final String CERTIFICATE_KEY = "tls.certificate";
    public static final String KEY_KEY = "tls.key";

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    private final List<X509Certificate> chain;
    private final boolean selfSigned;
    private final SslContext sslContext;

    private ServerTls(PrivateKey key, List<X509Certificate> chain, boolean selfSigned) {
        this.chain = List.copyOf(chain);
        this.selfSigned = selfSigned;
        this.sslContext = TlsPolicy.serverContext(key, chain);
    }

    public static ServerTls fromConfig(ConfigFile config) {
        Optional<Path> certificate = config.getPath(CERTIFICATE_KEY);
        Optional<Path> key = config.getPath(KEY_KEY);
        // set together: a rule of the schema (dev.wharf.config.ServerConfRules), refused as the keys are read
        String controlInterface = config.declaredString("control.interface");
        if (certificate.isPresent()) {
            return fromPem(certificate.get(), key.get());
        }
        ServerTls tls = selfSigned(controlInterface);
        LOG.warn("no {}/{} configured: using a self-signed certificate made at start ({}); clients must be told"
                        + " to trust it or to skip verification", CERTIFICATE_KEY, KEY_KEY,
                tls.chain.get(0).getSubjectX500Principal().getName());
        return tls;
    }

    /** Loads a PEM chain (leaf first) and its private key; refuses a key that does not match the leaf. */
    public static ServerTls fromPem(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile, CERTIFICATE_KEY);
        PrivateKey key = PemFiles.readPrivateKey(keyFile, KEY_KEY);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new ConfigException(KEY_KEY + " = " + keyFile + " is not the private key of the first certificate in "
                    + CERTIFICATE_KEY + " = " + certificateFile + " (" + chain.get(0).getSubjectX500Principal() + ")");
        }
        return new ServerTls(key, chain, false);
    }

    /**
     * A self-signed identity valid for localhost, 127.0.0.1, ::1 and {@code extraName} (an address
     * literal or a host name; wildcard addresses add nothing).
     */
    public static ServerTls selfSigned(String extraName) {
        List<String> dns = new ArrayList<>(List.of("localhost"));
        List<InetAddress> addresses = new ArrayList<>();
        try {
            addresses.add(InetAddress.getByName("127.0.0.1"));
            addresses.add(InetAddress.getByName("::1"));
            if (extraName != null && !extraName.isBlank()) {
                if (NetUtil.isValidIpV4Address(extraName) || NetUtil.isValidIpV6Address(extraName)) {
                    InetAddress address = InetAddress.getByName(extraName);
                    if (!address.isAnyLocalAddress() && !addresses.contains(address)) {
                        addresses.add(address);
                    }
                } else if (!dns.contains(extraName)) {
                    dns.add(extraName);
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address literal did not parse: " + e.getMessage(), e);
        }
        SelfSignedCertificate generated = SelfSignedCertificate.create(dns, addresses);
        return new ServerTls(generated.key(), List.of(generated.certificate()), true);
    }

    public SslContext sslContext() {
        return sslContext;
    }

    /** Leaf first; tests and clients of a self-signed server trust {@code certificateChain().get(0)}. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    public boolean isSelfSigned() {
        return selfSigned;
    }

    // A signature round trip works for every key type the JDK knows, unlike comparing encodings.
    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new ConfigException(KEY_KEY + ": unsupported key algorithm " + key.getAlgorithm());
        };
        try {
            byte[] probe = "wharf key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
