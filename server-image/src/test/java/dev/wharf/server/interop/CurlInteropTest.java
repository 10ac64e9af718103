package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's curl against the whole server: every transfer checked byte for byte. Active mode over TLS
 * is tested with lftp instead: curl 7.87 to 7.88 (Debian 12 ships 7.88.1) lost the TLS filter on
 * active data connections and hangs (curl issue 10666, fixed in 8.0).
 */
@Tag("interop")
class CurlInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SeededInteropServer server = new SeededInteropServer(() -> dir, 3 * 1024 * 1024 + 17);

    @BeforeAll
    static void addFiles() throws Exception {
        Files.createDirectories(server.root().resolve("runs/run1"));
        Files.writeString(server.root().resolve("runs/b c.txt"), "with a space\n");
        Files.writeString(server.anonymousRoot().resolve("README"), "public data\n");
    }

    private static Programs.Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail", "--max-time", "50"));
        command.addAll(Arrays.asList(args));
        return Programs.run(TIMEOUT, dir.resolve("client"), command.toArray(String[]::new));
    }

    private static void ok(Programs.Result result) {
        assertEquals(0, result.exitCode(), result.describe());
    }

    private static Path out(String name) {
        return dir.resolve("client").resolve(name);
    }

    @Test
    void passiveDownloadWithEpsv() throws Exception {
        ok(curl("-u", server.credentials(), "-o", out("epsv.bin").toString(), server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("epsv.bin")));
    }

    @Test
    void passiveDownloadWithPasv() throws Exception {
        ok(curl("--disable-epsv", "-u", server.credentials(), "-o", out("pasv.bin").toString(),
                server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("pasv.bin")));
    }

    @Test
    void activeDownloadWithEprtAndPort() throws Exception {
        ok(curl("-P", "127.0.0.1", "-u", server.credentials(), "-o", out("eprt.bin").toString(),
                server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("eprt.bin")));
        ok(curl("-P", "127.0.0.1", "--disable-eprt", "-u", server.credentials(), "-o", out("port.bin").toString(),
                server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("port.bin")));
    }

    @Test
    void uploadThenReplace() throws Exception {
        byte[] first = InteropServer.randomBytes(1024 * 1024 + 3);
        byte[] second = InteropServer.randomBytes(200_000);
        Files.write(out("up1.bin"), first);
        Files.write(out("up2.bin"), second);
        ok(curl("-u", server.credentials(), "-T", out("up1.bin").toString(), server.url("/uploaded.bin")));
        assertArrayEquals(first, Files.readAllBytes(server.root().resolve("uploaded.bin")));
        ok(curl("-u", server.credentials(), "-T", out("up2.bin").toString(), server.url("/uploaded.bin")));
        assertArrayEquals(second, Files.readAllBytes(server.root().resolve("uploaded.bin")));
    }

    @Test
    void activeUpload() throws Exception {
        byte[] data = InteropServer.randomBytes(700_001);
        Files.write(out("active-up.bin"), data);
        ok(curl("-P", "127.0.0.1", "-u", server.credentials(), "-T", out("active-up.bin").toString(),
                server.url("/active-up.bin")));
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve("active-up.bin")));
    }

    @Test
    void resumedDownloadUsesRest() throws Exception {
        Files.write(out("resume.bin"), Arrays.copyOf(server.payload(), 1_000_000));
        ok(curl("-C", "-", "-u", server.credentials(), "-o", out("resume.bin").toString(),
                server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("resume.bin")));
    }

    @Test
    void resumedUploadAppends() throws Exception {
        byte[] data = InteropServer.randomBytes(900_000);
        Files.write(server.root().resolve("partial.bin"), Arrays.copyOf(data, 300_000));
        Files.write(out("partial.bin"), data);
        ok(curl("-C", "-", "-u", server.credentials(), "-T", out("partial.bin").toString(),
                server.url("/partial.bin")));
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve("partial.bin")));
    }

    @Test
    void listingsShowTheDirectory() {
        Programs.Result list = curl("-u", server.credentials(), server.url("/runs/"));
        ok(list);
        assertTrue(list.stdout().contains("a.txt"), list.stdout());
        assertTrue(list.stdout().contains("b c.txt"), list.stdout());
        assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith("d") && l.endsWith("run1")), list.stdout());
        Programs.Result names = curl("-u", server.credentials(), "--list-only", server.url("/runs/"));
        ok(names);
        assertEquals(List.of("a.txt", "b c.txt", "run1"), names.stdout().lines().sorted().toList());
    }

    @Test
    void explicitTlsProtectsControlAndData() throws Exception {
        ok(curl("--ssl-reqd", "-k", "-u", server.credentials(), "-o", out("tls.bin").toString(),
                server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("tls.bin")));
        byte[] data = InteropServer.randomBytes(500_000);
        Files.write(out("tls-up.bin"), data);
        ok(curl("--ssl-reqd", "-k", "-u", server.credentials(), "-T", out("tls-up.bin").toString(),
                server.url("/tls-up.bin")));
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve("tls-up.bin")));
    }

    @Test
    void tlsOnTheControlChannelOnly() throws Exception {
        ok(curl("--ftp-ssl-control", "-k", "-u", server.credentials(), "-o", out("ctl.bin").toString(),
                server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("ctl.bin")));
    }

    @Test
    void implicitTlsDoor() throws Exception {
        ok(curl("-k", "-u", server.credentials(), "-o", out("implicit.bin").toString(),
                "ftps://127.0.0.1:" + server.ftpsPort() + "/payload.bin"));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("implicit.bin")));
    }

    @Test
    void anonymousReadsButCannotWrite() throws Exception {
        ok(curl("-o", out("readme").toString(), server.url("/README")));
        assertEquals("public data\n", Files.readString(out("readme")));
        Files.writeString(out("intruder.txt"), "no\n");
        Programs.Result upload = curl("-T", out("intruder.txt").toString(), server.url("/intruder.txt"));
        assertNotEquals(0, upload.exitCode(), upload.describe());
        assertFalse(Files.exists(server.anonymousRoot().resolve("intruder.txt")));
    }

    @Test
    void pathsCannotLeaveTheJail() throws Exception {
        Files.writeString(dir.resolve("server/secret.txt"), "outside the jail\n");
        Programs.Result escape = curl("--path-as-is", "-u", server.credentials(), "-o", out("escape").toString(),
                server.url("/../secret.txt"));
        assertNotEquals(0, escape.exitCode(), escape.describe());
        assertFalse(Files.exists(out("escape")) && Files.readString(out("escape")).contains("outside"));
        // and the server keeps serving
        ok(curl("-u", server.credentials(), "-o", out("after.bin").toString(), server.url("/payload.bin")));
        assertArrayEquals(server.payload(), Files.readAllBytes(out("after.bin")));
    }
}
