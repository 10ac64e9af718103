package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemCredentialTest {

    @TempDir
    static Path tmp;
    static TestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(tmp.resolve("certs"));
        TestPki.writePem(pki.host(), tmp.resolve("hostcert.pem"), tmp.resolve("hostkey.pem"));
    }

    @Test
    void loadsCertificateAndKeyAndKeepsTheKeyPrivate() {
        PemCredential c = load(tmp.resolve("hostcert.pem"), tmp.resolve("hostkey.pem"));
        assertEquals(pki.host().cert(), c.certificate());
        assertTrue(PemCredential.matches(c.key(), c.certificate()));
    }

    @Test
    void testPkiWritesKeysWithMode0600() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("hostkey.pem"))));
    }

    @Test
    void loadsAGlobusProxyFileWithKeyBetweenCertificates() throws Exception {
        TestPki.Credential proxy = TestPki.proxy(pki.user(), TestPki.ProxyKind.RFC_IMPERSONATION, java.time.Duration.ofHours(1));
        Path file = tmp.resolve("x509up");
        Files.writeString(file, TestPki.pem(proxy.cert()) + TestPki.pem(proxy.key()) + TestPki.pem(pki.user().cert()));
        PemCredential c = PemCredential.loadProxyFile(file);
        assertEquals(proxy.chain(), c.chain());
    }

    @Test
    void refusesAKeyOfAnotherCertificateAndMissingParts() throws Exception {
        TestPki.writePem(pki.user(), tmp.resolve("usercert.pem"), tmp.resolve("userkey.pem"));
        assertTrue(assertThrows(ConfigException.class, () -> load(tmp.resolve("hostcert.pem"),
                tmp.resolve("userkey.pem"))).getMessage().endsWith("the private key does not belong to the certificate"));
        Path certAsKey = Files.copy(tmp.resolve("hostcert.pem"), tmp.resolve("cert-as-key.pem"));
        Files.setPosixFilePermissions(certAsKey, PosixFilePermissions.fromString("rw-------"));
        assertTrue(assertThrows(ConfigException.class, () -> load(tmp.resolve("hostcert.pem"),
                certAsKey)).getMessage().endsWith("no private key found"));
        assertEquals("gsi.host-certificate = " + tmp.resolve("nope.pem") + ": file not found", assertThrows(
                ConfigException.class, () -> load(tmp.resolve("nope.pem"), tmp.resolve("hostkey.pem"))).getMessage());
    }

    @Test
    void refusesAHostKeyOthersCanRead() throws Exception {
        Path readable = Files.copy(tmp.resolve("hostkey.pem"), tmp.resolve("readable-key.pem"));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        String message = assertThrows(ConfigException.class, () -> load(tmp.resolve("hostcert.pem"), readable)).getMessage();
        assertTrue(message.startsWith("gsi.host-key = " + readable + ": a private key must be readable by its owner only"),
                message);
        assertTrue(message.endsWith("not 0644"), message);
    }

    static PemCredential load(Path certificate, Path key) {
        return PemCredential.load(certificate, "gsi.host-certificate", key, "gsi.host-key");
    }
}
