package dev.wharf.server.krbftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's curl ({@code --krb}, GSS-API built in) against the krbftp door with a real MIT KDC: login by
 * ticket, upload, listing, download (byte for byte) and delete at each protection level curl offers
 * ({@code clear}: PROT C, commands MIC; {@code safe}: PBSZ + PROT S, data blocks wrapped for integrity;
 * {@code private}: PROT P, commands ENC, data encrypted). curl's {@code confidential} asks for PROT E, which
 * Kerberos cannot give: refused with 536 and the transfer fails.
 */
@Tag("interop")
class KrbFtpCurlInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KrbFtpServer server = new KrbFtpServer(() -> dir, () -> kdc, Map.of());

    static Path alice;

    @BeforeAll
    static void login() throws Exception {
        alice = dir.resolve("alice.cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, alice);
        Files.createDirectories(dir.resolve("client"));
    }

    static ExternalProgram curl(Path ccache, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-4", "-sS", "--fail", "--max-time", "30"));
        command.addAll(Arrays.asList(args));
        return ExternalProgram.run(kdc.clientEnv(ccache), dir.resolve("client"), Duration.ofSeconds(40),
                command.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"clear", "safe", "private"})
    void uploadListDownloadAndDeleteAtEachLevel(String level) throws Exception {
        byte[] payload = new byte[1_500_000 + ThreadLocalRandom.current().nextInt(1000)];
        ThreadLocalRandom.current().nextBytes(payload);
        Path source = dir.resolve("client").resolve(level + ".bin");
        Files.write(source, payload);

        curl(alice, "--krb", level, "-T", source.toString(), server.url("/" + level + ".bin"))
                .requireSuccess("curl --krb " + level + " upload");
        assertArrayEquals(payload, Files.readAllBytes(server.root().resolve(level + ".bin")), "uploaded bytes");

        ExternalProgram list = curl(alice, "--krb", level, "-l", server.url("/"));
        list.requireSuccess("curl --krb " + level + " listing");
        assertTrue(list.stdout().lines().anyMatch((level + ".bin")::equals), list.stdout());

        Path back = dir.resolve("client").resolve(level + ".back");
        curl(alice, "--krb", level, "-o", back.toString(), server.url("/" + level + ".bin"))
                .requireSuccess("curl --krb " + level + " download");
        assertArrayEquals(payload, Files.readAllBytes(back), "downloaded bytes");

        curl(alice, "--krb", level, "-Q", "-DELE " + level + ".bin", server.url("/"))
                .requireSuccess("curl --krb " + level + " delete");
        assertFalse(Files.exists(server.root().resolve(level + ".bin")), "deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"confidential"})
    void protEIsRefused(String level) throws Exception {
        Files.writeString(server.root().resolve("e.txt"), "e\n");
        ExternalProgram e = curl(alice, "-v", "--krb", level, "-o", dir.resolve("client/e.txt").toString(),
                server.url("/e.txt"));
        assertTrue(e.stderr().contains("536"), e.stderr());
        assertEquals(0, e.exitCode() == 0 ? 1 : 0, "curl must not report success for PROT E: " + e.stderr());
    }
}
