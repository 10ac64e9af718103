package dev.wharf.operator.render.secrets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;

/** Cheap, offline sanity checks of PEM material, so a broken Secret is reported on the CR, not in a crash loop. */
final class CredentialCheck {

    private CredentialCheck() {
    }

    /** {@code null} when the base64 value holds at least one parseable X.509 certificate, else why not. */
    static String certificateProblem(String base64) {
        byte[] pem = decode(base64);
        if (pem == null) {
            return "is not valid base64";
        }
        if (!new String(pem, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            return "holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).isEmpty()) {
                return "holds no certificate";
            }
            return null;
        } catch (CertificateException e) {
            return "holds a malformed certificate (" + e.getMessage() + ")";
        }
    }

    /** {@code null} when the base64 value looks like a PEM private key, else why not. */
    static String privateKeyProblem(String base64) {
        byte[] pem = decode(base64);
        if (pem == null) {
            return "is not valid base64";
        }
        String text = new String(pem, StandardCharsets.US_ASCII);
        if (!text.matches("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*-----END [A-Z ]*PRIVATE KEY-----.*")) {
            return "holds no PEM private key";
        }
        return null;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
