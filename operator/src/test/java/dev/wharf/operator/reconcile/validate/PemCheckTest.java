package dev.wharf.operator.reconcile.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PemCheckTest {

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PemCheckTest.class.getResourceAsStream("/pem/" + name)) {
            return in.readAllBytes();
        }
    }


    @Test
    void aValidCertificatePasses() throws IOException {
        assertEquals(Optional.empty(), PemCheck.certificates(fixture("host.crt")));
    }

    @Test
    void textWithoutACertificateBlockIsNamedAsSuch() {
        Optional<String> problem = PemCheck.certificates("hello".getBytes(StandardCharsets.US_ASCII));
        assertTrue(problem.orElseThrow().contains("no PEM certificate"), problem.toString());
    }

    @Test
    void aCorruptedCertificateBodyIsReported() throws IOException {
        String pem = new String(fixture("host.crt"), StandardCharsets.US_ASCII);
        String broken = pem.replaceFirst("(?s)(-----BEGIN CERTIFICATE-----\\n)....", "$1!!!!");
        Optional<String> problem = PemCheck.certificates(broken.getBytes(StandardCharsets.US_ASCII));
        assertTrue(problem.orElseThrow().startsWith("is not a valid PEM certificate"), problem.toString());
    }

    @Test
    void aValidPrivateKeyPasses() throws IOException {
        assertEquals(Optional.empty(), PemCheck.privateKey(fixture("host.key")));
    }

    @Test
    void aCertificateInTheKeySlotIsNotAKey() throws IOException {
        assertTrue(PemCheck.privateKey(fixture("host.crt")).orElseThrow().contains("no PEM private key"));
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheReason() {
        byte[] pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(PemCheck.privateKey(pem).orElseThrow().contains("encrypted"));
    }

    @Test
    void aKeyWithInvalidBase64IsReported() {
        byte[] pem = "-----BEGIN PRIVATE KEY-----\nAB=CD=\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(PemCheck.privateKey(pem).orElseThrow().contains("base64"));
    }
}
