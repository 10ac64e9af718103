package dev.wharf.server.krbftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.KerberizedServer;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The krbftp door against a real MIT KDC and MIT's GSS-API library as the client ({@link Rfc2228Client}):
 * AUTH GSSAPI + ADAT with mutual authentication, USER answered 232 for the mapped principal, then upload,
 * listing, download (byte for byte) and delete at PROT C (commands MIC), S (data blocks integrity-wrapped) and
 * P (commands ENC, data encrypted).
 */
@Tag("interop")
class KrbFtpInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KerberizedServer server = new KerberizedServer(() -> dir, () -> kdc, Map.of());

    static Path alice;
    static Rfc2228Client client;

    @BeforeAll
    static void login() throws Exception {
        alice = dir.resolve("alice.cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, alice);
        client = new Rfc2228Client(kdc, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "S", "P"})
    void uploadListDownloadAndDeleteAtEachProtectionLevel(String level) throws Exception {
        byte[] payload = new byte[1_500_000 + ThreadLocalRandom.current().nextInt(1000)];
        ThreadLocalRandom.current().nextBytes(payload);
        Path source = dir.resolve(level + ".src");
        Files.write(source, payload);
        Path back = dir.resolve(level + ".back");

        ExternalProgram run = client.run(alice, server.port("krbftp"), level, "user", "alice",
                "put", source.toString(), level + ".bin", "nlst", "/", "get", level + ".bin", back.toString(),
                "dele", level + ".bin");
        String out = run.stdout() + run.stderr();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.contains("232 User alice@WHARF.TEST logged in as alice"), out);
        assertTrue(out.contains("NAME " + level + ".bin"), out);
        assertArrayEquals(payload, Files.readAllBytes(back), "downloaded bytes");
        assertFalse(Files.exists(server.root().resolve(level + ".bin")), "deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E"})
    void protEIsRefusedWith536(String level) throws Exception {
        ExternalProgram run = client.run(alice, server.port("krbftp"), level, "user", "alice");
        assertTrue(run.stdout().contains("536 "), run.stdout() + run.stderr());
        assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
    }
}
