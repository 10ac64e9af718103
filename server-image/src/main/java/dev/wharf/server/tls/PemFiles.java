package dev.wharf.server.tls;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfiguredFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM certificate chains and private keys the way OpenSSL writes them: certificates as
 * {@code CERTIFICATE} blocks (leaf first), keys as PKCS#8 {@code PRIVATE KEY}, PKCS#1
 * {@code RSA PRIVATE KEY} or SEC1 {@code EC PRIVATE KEY} (an {@code EC PARAMETERS} block before it
 * is skipped). Every failure is a {@link ConfigException} naming the config key and the file; files are read
 * through {@link ConfiguredFile} (regular file, bounded, private keys owner-only).
 */
public final class PemFiles {

    private PemFiles() {}

    public static List<X509Certificate> readCertificates(Path file, String key) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object block : blocks(ConfiguredFile.read(file, key, ConfiguredFile.PEM_LIMIT), file, key)) {
            if (block instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new ConfigException(key + " = " + file + ": certificate " + (chain.size() + 1)
                            + " is not a valid X.509 certificate: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new ConfigException(key + " = " + file + ": no PEM CERTIFICATE block found");
        }
        return List.copyOf(chain);
    }

    public static PrivateKey readPrivateKey(Path file, String key) {
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object block : blocks(ConfiguredFile.readPrivateKey(file, key), file, key)) {
            try {
                if (block instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (block instanceof PEMKeyPair pair) {
                    // SEC1 keys may omit the public point; the private part is all TLS needs
                    keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new ConfigException(key + " = " + file + ": the private key is encrypted;"
                            + " give an unencrypted key (e.g. openssl pkey -in KEY -out PLAIN)");
                }
            } catch (PEMException e) {
                throw new ConfigException(key + " = " + file + ": unsupported private key: " + e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new ConfigException(key + " = " + file + ": no PEM private key block found"
                    + " (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
        if (keys.size() > 1) {
            throw new ConfigException(key + " = " + file + ": holds " + keys.size() + " private keys; give exactly one");
        }
        return keys.get(0);
    }

    /** The PEM objects in {@code pem}, read from {@code file} for the setting {@code key}. */
    public static List<Object> blocks(byte[] pem, Path file, String key) {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(key + " = " + file + ": not a readable PEM file: " + e.getMessage(), e);
        }
        return blocks;
    }
}
