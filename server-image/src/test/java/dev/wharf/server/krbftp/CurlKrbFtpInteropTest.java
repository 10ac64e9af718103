package dev.wharf.server.krbftp;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real curl {@code --krb} ({@link CurlKrb}, from bin/install-curl-krb) against the krbftp door and a real MIT KDC:
 * login, upload, listing, download and delete at {@code safe} (PROT S, commands in MIC, integrity-wrapped data)
 * and {@code private} (PROT P, commands in ENC, encrypted data), every file compared byte for byte; its uploads
 * arrive as {@code ENC}/{@code MIC} lines ({@code WrappedBlocks}' curl quirk). {@code clear}: protected commands
 * only, as curl 7.56.1-7.87 cannot move clear data in a Kerberos session. {@code confidential} asks for PROT E,
 * which Kerberos cannot give: 536.
 */
@Tag("interop")
@Tag(CurlKrb.TAG)
class CurlKrbFtpInteropTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    @Order(1)
    static final TestKdc kdc = new TestKdc(() -> dir);
    @RegisterExtension
    @Order(2)
    static final KerberizedServer server = new KerberizedServer(() -> dir, () -> kdc, Map.of());

    static Path alice;
    static CurlKrb curl;

    @BeforeAll
    static void login() throws Exception {
        alice = dir.resolve("alice.cc");
        kdc.kinit(TestKdc.ALICE, TestKdc.ALICE_PASSWORD, alice);
        curl = new CurlKrb(kdc, dir);
    }

    static String out(ExternalProgram run) {
        return run.stdout() + run.stderr();
    }

    ExternalProgram curl(String level, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--krb";
        all[1] = level;
        System.arraycopy(args, 0, all, 2, args.length);
        return curl.run(alice, all);
    }

    @ParameterizedTest
    @CsvSource({"safe, MIC, S", "private, ENC, P"})
    void uploadAtEachProtectedLevel(String level, String commands, String prot) throws Exception {
        Path source = randomFile(level + ".src");
        String name = level + ".up";
        ExternalProgram up = curl(level, "-T", source.toString(), server.url("/" + name));
        assertEquals(0, up.exitCode(), out(up));
        assertTrue(up.stderr().contains("Send: " + commands + " "), "commands sent as " + commands + ":\n" + out(up));
        assertTrue(up.stderr().contains("200 Protection level set to " + prot), out(up));
        assertTrue(up.stderr().contains("232 User alice@WHARF.TEST logged in as alice"), out(up));
        assertEquals(-1, Files.mismatch(source, server.root().resolve(name)), "uploaded bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"safe", "private"})
    void listDownloadAndDeleteAtEachProtectedLevel(String level) throws Exception {
        Path source = randomFile(level + ".orig");
        String name = level + ".bin";
        Files.copy(source, server.root().resolve(name));

        ExternalProgram list = curl(level, "--list-only", server.url("/"));
        assertEquals(0, list.exitCode(), out(list));
        assertTrue(list.stdout().lines().anyMatch(name::equals), out(list));

        Path back = dir.resolve(level + ".back");
        ExternalProgram down = curl(level, "-o", back.toString(), server.url("/" + name));
        assertEquals(0, down.exitCode(), out(down));
        assertEquals(-1, Files.mismatch(source, back), "downloaded bytes");

        ExternalProgram dele = curl(level, "-Q", "DELE " + name, "--list-only", server.url("/"));
        assertEquals(0, dele.exitCode(), out(dele));
        assertFalse(dele.stdout().lines().anyMatch(name::equals), out(dele));
        assertFalse(Files.exists(server.root().resolve(name)), "deleted");
    }

    /** A listing has no size announced: curl ends it only at the protected end-of-file block. */
    @Test
    void anEmptyDirectoryListsAtProtP() throws Exception {
        Files.createDirectories(server.root().resolve("empty"));
        ExternalProgram list = curl("private", "--list-only", server.url("/empty/"));
        assertEquals(0, list.exitCode(), out(list));
        assertEquals("", list.stdout());
    }

    static Path randomFile(String name) throws Exception {
        byte[] payload = new byte[2_500_000 + ThreadLocalRandom.current().nextInt(1000)];
        ThreadLocalRandom.current().nextBytes(payload);
        return Files.write(dir.resolve(name), payload);
    }

    /** curl 7.56.1-7.87 moves no data correctly at --krb clear (docs/kerberos.md); its protected commands work. */
    @Test
    void clearLogsInWithMicCommands() throws Exception {
        Files.write(server.root().resolve("clear.bin"), new byte[12345]);
        ExternalProgram size = curl("clear", "-I", server.url("/clear.bin"));
        assertEquals(0, size.exitCode(), out(size));
        assertTrue(size.stderr().contains("Send: MIC "), out(size));
        assertTrue(size.stdout().contains("Content-Length: 12345"), out(size));

        ExternalProgram dele = curl("clear", "-I", "-Q", "DELE clear.bin", server.url("/"));
        assertEquals(0, dele.exitCode(), out(dele));
        assertFalse(Files.exists(server.root().resolve("clear.bin")), "deleted");
    }

    /** curl ignores the refusal and goes on at PROT C, where it cannot move data (see clear): no transfer here. */
    @Test
    void confidentialAsksForProtEWhichIsRefusedWith536() throws Exception {
        Files.write(server.root().resolve("conf.bin"), new byte[42]);
        ExternalProgram run = curl("confidential", "-I", server.url("/conf.bin"));
        assertTrue(run.stderr().contains("PROT E"), out(run));
        assertTrue(run.stderr().contains("536 PROT E is not supported by Kerberos"), out(run));
    }
}
