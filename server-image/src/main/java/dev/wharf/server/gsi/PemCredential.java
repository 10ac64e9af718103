package dev.wharf.server.gsi;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfiguredFile;
import dev.wharf.server.tls.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A private key with its certificate chain (leaf first), read from PEM: the host credential
 * ({@code gsi.host-certificate} + {@code gsi.host-key}, like {@code hostcert.pem}/{@code hostkey.pem}) or
 * a Globus proxy file (certificate, unencrypted key, then the rest of the chain, in one file). Keys may
 * be PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 or PKCS#8; encrypted keys are refused, as Globus servers do.
 */
public record PemCredential(PrivateKey key, List<X509Certificate> chain) {

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

    /**
     * Loads a certificate (chain) file and a separate key file, named by the settings {@code certificateKey}
     * and {@code keyKey} in errors; the key must be readable by its owner only.
     */
    public static PemCredential load(Path certificateFile, String certificateKey, Path keyFile, String keyKey) {
        List<Object> certObjects = PemFiles.blocks(ConfiguredFile.read(certificateFile, certificateKey,
                ConfiguredFile.PEM_LIMIT), certificateFile, certificateKey);
        List<Object> keyObjects = PemFiles.blocks(ConfiguredFile.readPrivateKey(keyFile, keyKey), keyFile, keyKey);
        return assemble(certObjects, keyObjects, certificateFile + " / " + keyFile);
    }

    /** Loads a Globus proxy file: certificate, key and chain in one PEM file. */
    public static PemCredential loadProxyFile(Path proxyFile) {
        List<Object> objects = PemFiles.blocks(ConfiguredFile.read(proxyFile, "proxy file", ConfiguredFile.PEM_LIMIT),
                proxyFile, "proxy file");
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
}
