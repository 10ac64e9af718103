package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private key with its certificate chain (leaf first), read from PEM: the host credential
 * ({@code gsi.host-certificate} + {@code gsi.host-key}, like {@code hostcert.pem}/{@code hostkey.pem}) or
 * a Globus proxy file (certificate, unencrypted key, then the rest of the chain, in one file). Keys may
 * be PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 or PKCS#8; encrypted keys are refused, as Globus servers do.
 */
public record PemCredential(PrivateKey key, List<X509Certificate> chain) {

    private static final Logger LOG = LoggerFactory.getLogger(PemCredential.class);

    public PemCredential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("credential without certificates");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public X509Certificate[] chainArray() {
        return chain.toArray(new X509Certificate[0]);
    }

    /** Loads a certificate (chain) file and a separate key file; warns when the key is group/world readable. */
    public static PemCredential load(Path certificateFile, Path keyFile) {
        List<Object> certObjects = read(certificateFile);
        List<Object> keyObjects = read(keyFile);
        warnIfReadable(keyFile);
        return assemble(certObjects, keyObjects, certificateFile + " / " + keyFile);
    }

    /** Loads a Globus proxy file: certificate, key and chain in one PEM file. */
    public static PemCredential loadProxyFile(Path proxyFile) {
        List<Object> objects = read(proxyFile);
        return assemble(objects, objects, proxyFile.toString());
    }

    private static PemCredential assemble(List<Object> certObjects, List<Object> keyObjects, String source) {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        try {
            JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
            for (Object o : certObjects) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(certs.getCertificate(holder));
                }
            }
            JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
            for (Object o : keyObjects) {
                if (o instanceof PEMKeyPair pair) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (o instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (o != null && o.getClass().getSimpleName().contains("Encrypted")) {
                    throw new ConfigException(source + ": encrypted private keys are not supported");
                }
            }
        } catch (CertificateException | IOException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new ConfigException(source + ": no certificate found");
        }
        if (key == null) {
            throw new ConfigException(source + ": no private key found");
        }
        if (!matches(key, chain.get(0))) {
            throw new ConfigException(source + ": the private key does not belong to the certificate");
        }
        return new PemCredential(key, chain);
    }

    static boolean matches(PrivateKey key, X509Certificate cert) {
        if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa
                && cert.getPublicKey() instanceof java.security.interfaces.RSAPublicKey pub) {
            return rsa.getModulus().equals(pub.getModulus()) && rsa.getPublicExponent().equals(pub.getPublicExponent());
        }
        if (key instanceof java.security.interfaces.ECPrivateKey ec
                && cert.getPublicKey() instanceof java.security.interfaces.ECPublicKey pub) {
            return Arrays.equals(ec.getParams().getCurve().getA().toByteArray(),
                    pub.getParams().getCurve().getA().toByteArray());
        }
        return key.getAlgorithm().equals(cert.getPublicKey().getAlgorithm());
    }

    private static List<Object> read(Path file) {
        List<Object> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                out.add(o);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void warnIfReadable(Path keyFile) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("private key {} is readable by group or others; Globus tools refuse such keys (chmod 600)",
                        keyFile);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
