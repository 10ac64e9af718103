package dev.wharf.operator.reconcile.validate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
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

    /** A PEM file holding at least one X.509 certificate, none of them expired at {@code now}. */
    public static Optional<String> certificates(byte[] pem, Instant now) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            return Optional.of("holds no PEM certificate (expected a -----BEGIN CERTIFICATE----- block)");
        }
        Collection<? extends java.security.cert.Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (CertificateException | RuntimeException e) {
            return Optional.of("is not a valid PEM certificate (" + e.getMessage() + ")");
        }
        if (certs.isEmpty()) {
            return Optional.of("holds no PEM certificate");
        }
        for (java.security.cert.Certificate c : certs) {
            X509Certificate x = (X509Certificate) c;
            if (x.getNotAfter().toInstant().isBefore(now)) {
                return Optional.of("holds a certificate for " + x.getSubjectX500Principal().getName()
                        + " that expired on " + x.getNotAfter().toInstant());
            }
        }
        return Optional.empty();
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
