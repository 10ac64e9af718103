package dev.wharf.operator.reconcile.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.Kerberos;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SecretRef;
import dev.wharf.operator.api.TransferServerSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCheckTest {

    /** A host credential in Secret "host" and trust anchors in Secret "cas". */
    static TransferServerSpec spec() {
        TransferServerSpec spec = new TransferServerSpec();
        spec.authentication = new Authentication();
        spec.authentication.hostCredentialSecret = new SecretRef("host");
        spec.authentication.trustAnchorsSecret = new SecretRef("cas");
        return spec;
    }

    static Secret secret(String name, Map<String, byte[]> files) {
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName(name).endMetadata();
        files.forEach((k, v) -> b.addToData(k, Base64.getEncoder().encodeToString(v)));
        return b.build();
    }

    @Test
    void goodCredentialsAndAnchorsPass() throws IOException {
        Map<String, Secret> secrets = Map.of(
                "host", secret("host", Map.of("tls.crt", PemCheckTest.fixture("host.crt"), "tls.key", PemCheckTest.fixture("host.key"))),
                "cas", secret("cas", Map.of("1a2b3c4d.0", PemCheckTest.fixture("other.crt"), "1a2b3c4d.signing_policy", "x".getBytes())));
        assertEquals(List.of(), SecretCheck.check(spec(), secrets));
    }

    @Test
    void aBrokenCaFileIsNamed() throws IOException {
        Map<String, Secret> secrets = Map.of("cas", secret("cas", Map.of("1a2b3c4d.0", "garbage".getBytes())));
        List<Finding> findings = SecretCheck.check(spec(), secrets);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("key 1a2b3c4d.0"), findings.toString());
        assertEquals("InvalidCredential", findings.get(0).reason());
    }

    @Test
    void anchorsWithoutAnyCertificateFileAreReported() {
        Map<String, Secret> secrets = Map.of("cas", secret("cas", Map.of("README", "x".getBytes())));
        assertTrue(SecretCheck.check(spec(), secrets).get(0).message().contains("holds no CA certificate"));
    }

    @Test
    void anExpiredCertificateIsNoReasonToRefuse() throws IOException {
        Map<String, Secret> secrets = Map.of(
                "host", secret("host", Map.of("tls.crt", PemCheckTest.fixture("host.crt"), "tls.key", PemCheckTest.fixture("host.key"))));
        assertEquals(List.of(), SecretCheck.check(spec(), secrets), "time passes by itself: expiry is reported (CredentialExpiry)");
    }

    @Test
    void anEncryptedKeyIsReported() throws IOException {
        byte[] encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n".getBytes();
        Map<String, Secret> secrets = Map.of("host", secret("host", Map.of("tls.crt", PemCheckTest.fixture("host.crt"), "tls.key", encrypted)));
        assertTrue(SecretCheck.check(spec(), secrets).get(0).message().contains("encrypted"));
    }

    @Test
    void aKeytabMustBeAKeytab() {
        TransferServerSpec spec = new TransferServerSpec();
        spec.authentication = new Authentication();
        spec.authentication.kerberos = new Kerberos();
        spec.authentication.kerberos.keytabSecret = new SecretKeyRef("krb", null);
        byte[] keytab = {0x05, 0x02, 0, 0, 0, 0x3c};
        assertEquals(List.of(), SecretCheck.check(spec, Map.of("krb", secret("krb", Map.of("krb5.keytab", keytab)))));
        byte[] heimdalV1 = {0x05, 0x01, 0, 0};
        assertEquals(List.of(), SecretCheck.check(spec, Map.of("krb", secret("krb", Map.of("krb5.keytab", heimdalV1)))));

        for (byte[] bad : List.of("[libdefaults]\n".getBytes(), "BQIAAAA8".getBytes(), new byte[] {0x05})) {
            List<Finding> findings = SecretCheck.check(spec, Map.of("krb", secret("krb", Map.of("krb5.keytab", bad))));
            assertEquals(1, findings.size(), new String(bad));
            assertEquals("InvalidCredential", findings.get(0).reason());
            assertEquals("Secret krb (spec.authentication.kerberos.keytabSecret) key krb5.keytab is not a keytab (a keytab file"
                    + " starts with the bytes 0x05 0x02; make it with kadmin ktadd or ktutil)", findings.get(0).message());
        }
    }
}
