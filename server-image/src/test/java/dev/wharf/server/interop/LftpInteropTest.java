package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.owner.OwnerStore;
import dev.wharf.server.auth.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Debian's lftp against the whole server: listings as lftp parses them, mirror, resume, TLS, active. */
@Tag("interop")
class LftpInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PLAIN = "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 20; "
            + "set ftp:ssl-allow no; ";
    private static final String TLS = "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 20; "
            + "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no; ";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SeededInteropServer server = new SeededInteropServer(() -> dir, 2 * 1024 * 1024 + 5);

    @BeforeAll
    static void addFiles() throws Exception {
        Path runs = server.root().resolve("runs");
        Files.write(runs.resolve("big.dat"), Arrays.copyOf(server.payload(), 123_456));
        Files.createDirectories(runs.resolve("nested/deeper"));
        Files.writeString(runs.resolve("nested/deeper/leaf.txt"), "leaf\n");
    }

    private static Programs.Result lftp(String settings, String commands) {
        String open = "open -u " + InteropServer.USER + "," + InteropServer.PASSWORD + " -p " + server.ftpPort()
                + " 127.0.0.1; ";
        return Programs.run(TIMEOUT, dir.resolve("client"), "lftp", "-c", settings + open + commands);
    }

    private static void ok(Programs.Result result) {
        assertEquals(0, result.exitCode(), result.describe());
    }

    @Test
    void mlsdListingParsedByLftp() {
        Programs.Result result = lftp(PLAIN, "cls -1 --sort=name runs/");
        ok(result);
        assertEquals(List.of("runs/a.txt", "runs/big.dat", "runs/nested/"), result.stdout().lines().toList());
        Programs.Result sizes = lftp(PLAIN, "cls -s --block-size=1 runs/big.dat");
        ok(sizes);
        assertTrue(sizes.stdout().strip().startsWith("123456"), sizes.stdout());
    }

    @Test
    void lsLongListingParsedByLftp() {
        // without MLSD, lftp has to parse the ls -l style LIST output itself
        Programs.Result result = lftp(PLAIN + "set ftp:use-mlsd no; ", "cls -s --block-size=1 --sort=name runs/");
        ok(result);
        List<String> lines = result.stdout().lines().map(String::strip).toList();
        assertTrue(lines.contains("6 runs/a.txt"), result.stdout());
        assertTrue(lines.contains("123456 runs/big.dat"), result.stdout());
    }

    /** A grid DN owner has spaces: both listing forms must still parse in lftp (docs/acl.md "Ownership"). */
    @Test
    void aDnOwnerKeepsListingsParseable() throws Exception {
        Path owned = Files.createDirectories(server.root().resolve("owned"));
        Path report = Files.writeString(owned.resolve("the report.txt"), "123456789");
        new OwnerStore(OwnerStore.Mode.AUTO).recordCreated(report,
                new Identity("/DC=org/DC=example/CN=Jane Doe", Identity.Method.GSI, Set.of(), null));
        Programs.Result list = lftp(PLAIN + "set ftp:use-mlsd no; ", "cls -l owned/; cls -s --block-size=1 owned/");
        ok(list);
        assertTrue(list.stdout().lines().anyMatch(l -> l.contains(" Jane_Doe ") && l.endsWith("owned/the report.txt")),
                list.stdout());
        assertTrue(list.stdout().lines().map(String::strip).anyMatch(l -> l.equals("9 owned/the report.txt")), list.stdout());
        Programs.Result mlsd = lftp(PLAIN, "cls -s --block-size=1 owned/");
        ok(mlsd);
        assertEquals("9 owned/the report.txt", mlsd.stdout().strip(), mlsd.stdout());
    }

    @Test
    void mirrorCopiesATree() throws Exception {
        Path target = dir.resolve("client/mirror");
        ok(lftp(PLAIN, "mirror runs " + target));
        assertEquals("alpha\n", Files.readString(target.resolve("a.txt")));
        assertEquals("leaf\n", Files.readString(target.resolve("nested/deeper/leaf.txt")));
        assertArrayEquals(Arrays.copyOf(server.payload(), 123_456), Files.readAllBytes(target.resolve("big.dat")));
    }

    @Test
    void getAndPutWithResume() throws Exception {
        Path local = dir.resolve("client/resumed.bin");
        Files.write(local, Arrays.copyOf(server.payload(), 777_777));
        ok(lftp(PLAIN, "get -c payload.bin -o " + local));
        assertArrayEquals(server.payload(), Files.readAllBytes(local));

        byte[] data = InteropServer.randomBytes(600_000);
        Path upload = dir.resolve("client/put.bin");
        Files.write(upload, data);
        ok(lftp(PLAIN, "put " + upload + " -o put.bin"));
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve("put.bin")));
    }

    @Test
    void activeMode() throws Exception {
        Path local = dir.resolve("client/active.bin");
        ok(lftp(PLAIN + "set ftp:passive-mode false; set ftp:port-ipv4 127.0.0.1; ", "get payload.bin -o " + local));
        assertArrayEquals(server.payload(), Files.readAllBytes(local));
    }

    @Test
    void explicitTlsWithProtectedData() throws Exception {
        Path local = dir.resolve("client/tls.bin");
        ok(lftp(TLS, "get payload.bin -o " + local));
        assertArrayEquals(server.payload(), Files.readAllBytes(local));
        Programs.Result listing = lftp(TLS, "cls -1 --sort=name runs/");
        ok(listing);
        assertEquals(List.of("runs/a.txt", "runs/big.dat", "runs/nested/"), listing.stdout().lines().toList());
    }

    @Test
    void explicitTlsActiveModeBothWays() throws Exception {
        String active = "set ftp:passive-mode false; set ftp:port-ipv4 127.0.0.1; ";
        Path local = dir.resolve("client/tls-active.bin");
        ok(lftp(TLS + active, "get payload.bin -o " + local));
        assertArrayEquals(server.payload(), Files.readAllBytes(local));
        byte[] data = InteropServer.randomBytes(800_000);
        Path upload = dir.resolve("client/tls-active-up.bin");
        Files.write(upload, data);
        ok(lftp(TLS + active, "put " + upload + " -o tls-active-up.bin"));
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve("tls-active-up.bin")));
    }

    @Test
    void implicitTlsDoor() throws Exception {
        Path local = dir.resolve("client/implicit.bin");
        Programs.Result result = Programs.run(TIMEOUT, dir.resolve("client"), "lftp", "-c",
                "set cmd:fail-exit yes; set net:max-retries 1; set ssl:verify-certificate no; "
                        + "open -u " + InteropServer.USER + "," + InteropServer.PASSWORD
                        + " ftps://127.0.0.1:" + server.ftpsPort() + "; get payload.bin -o " + local);
        ok(result);
        assertArrayEquals(server.payload(), Files.readAllBytes(local));
    }
}
