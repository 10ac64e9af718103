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
        PemCredential c = PemCredential.load(tmp.resolve("hostcert.pem"), tmp.resolve("hostkey.pem"));
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
        assertTrue(assertThrows(ConfigException.class, () -> PemCredential.load(tmp.resolve("hostcert.pem"),
                tmp.resolve("userkey.pem"))).getMessage().endsWith("the private key does not belong to the certificate"));
        assertTrue(assertThrows(ConfigException.class, () -> PemCredential.load(tmp.resolve("hostcert.pem"),
                tmp.resolve("hostcert.pem"))).getMessage().endsWith("no private key found"));
        assertTrue(assertThrows(ConfigException.class, () -> PemCredential.load(tmp.resolve("nope.pem"),
                tmp.resolve("hostkey.pem"))).getMessage().startsWith("cannot read " + tmp.resolve("nope.pem")));
    }
}
