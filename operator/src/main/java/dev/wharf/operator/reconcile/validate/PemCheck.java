package dev.wharf.operator.reconcile.validate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure checks of PEM material found in a user's Secret, each returning what is wrong in words a
 * user can act on, or empty when it is fine. Run before anything is created so a bad certificate
 * becomes a status condition instead of a transfer pod that crash-loops.
 */
public final class PemCheck {

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----\\s*([A-Za-z0-9+/=\\s:,-]+?)\\s*-----END \\1-----");

    private PemCheck() {
    }

    /**
     * A PEM file holding at least one X.509 certificate. Expiry is not checked here: time passes by itself,
     * so an expired certificate is reported ({@link CredentialExpiry}), never a reason to stop a server.
     */
    public static Optional<String> certificates(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.of("holds no PEM certificate (expected a -----BEGIN CERTIFICATE----- block)");
        }
        try {
            if (parse(pem).isEmpty()) {
                return Optional.of("holds no PEM certificate");
            }
        } catch (CertificateException | RuntimeException e) {
            return Optional.of("is not a valid PEM certificate (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** The certificates of a PEM file, in file order; empty when it holds none or does not parse. */
    public static List<X509Certificate> parsed(byte[] pem) {
        try {
            return parse(pem);
        } catch (CertificateException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<X509Certificate> parse(byte[] pem) throws CertificateException {
        Collection<? extends java.security.cert.Certificate> certs =
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        return certs.stream().map(X509Certificate.class::cast).toList();
    }

    /** A PEM private key (PKCS#8, PKCS#1 RSA or EC) whose body is valid base64. */
    public static Optional<String> privateKey(byte[] pem) {
        Matcher m = PRIVATE_KEY.matcher(new String(pem, StandardCharsets.US_ASCII));
        if (!m.find()) {
            return Optional.of("holds no PEM private key (expected a -----BEGIN PRIVATE KEY----- block)");
        }
        if (m.group(1).startsWith("ENCRYPTED")) {
            return Optional.of("holds an encrypted private key; the server needs it unencrypted");
        }
        String body = m.group(2).lines().filter(l -> !l.contains(":")).reduce("", String::concat).replaceAll("\\s", "");
        try {
            if (Base64.getDecoder().decode(body).length == 0) {
                return Optional.of("holds an empty private key");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("holds a private key that is not valid base64");
        }
        return Optional.empty();
    }
}
