package dev.wharf.operator.reconcile.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixture host.crt (CN=node-a.example) is valid until some day in 2126; the clock is moved around it. */
class CredentialExpiryTest {

    @Test
    void statusListsEveryCertificateWithItsNotAfterAndFarFromExpiryNothingIsReported() throws IOException {
        Instant notAfter = notAfter();
        CredentialExpiry.Report r = CredentialExpiry.of(SecretCheckTest.spec(), secrets(), notAfter.minusSeconds(30L * 86400));
        assertEquals(2, r.credentials().size(), "tls.crt of the host credential and the CA file: " + r.credentials());
        assertEquals("host", r.credentials().get(0).secret);
        assertEquals("tls.crt", r.credentials().get(0).key);
        assertTrue(r.credentials().get(0).subject.contains("CN=node-a.example"));
        assertEquals("cas", r.credentials().get(1).secret);
        assertEquals("1a2b3c4d.0", r.credentials().get(1).key);
        assertEquals(List.of(), r.findings());
    }

    @Test
    void daysBeforeItExpiresItIsReportedAsExpiring() throws IOException {
        CredentialExpiry.Report r = CredentialExpiry.of(SecretCheckTest.spec(), secrets(), notAfter().minusSeconds(5L * 86400 + 60));
        assertEquals(CredentialExpiry.EXPIRING, r.findings().get(0).reason());
        assertTrue(r.findings().get(0).message().contains("(in 5 days)"), r.findings().toString());
        assertTrue(r.findings().get(0).message().startsWith("Secret host (spec.authentication.hostCredentialSecret) key tls.crt"));
    }

    @Test
    void whenItHasExpiredItIsReportedAsExpired() throws IOException {
        CredentialExpiry.Report r = CredentialExpiry.of(SecretCheckTest.spec(), secrets(), notAfter().plusSeconds(1));
        assertEquals(2, r.findings().size(), "the server's certificate and the CA");
        assertEquals(CredentialExpiry.EXPIRED, r.findings().get(0).reason());
        assertTrue(r.findings().get(0).message().contains("the server keeps running"), r.findings().get(0).message());
    }

    private static Instant notAfter() throws IOException {
        return PemCheck.parsed(PemCheckTest.fixture("host.crt")).get(0).getNotAfter().toInstant();
    }

    private static Map<String, Secret> secrets() throws IOException {
        byte[] cert = PemCheckTest.fixture("host.crt");
        return Map.of("host", SecretCheckTest.secret("host", Map.of("tls.crt", cert, "tls.key", PemCheckTest.fixture("host.key"))),
                "cas", SecretCheckTest.secret("cas", Map.of("1a2b3c4d.0", cert, "1a2b3c4d.signing_policy", "x".getBytes())));
    }
}
