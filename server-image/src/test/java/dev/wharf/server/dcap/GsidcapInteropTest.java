package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.SlashGridAccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dccp through libdcap's GSI tunnel plugin ({@code gsidcap://}, libgsiTunnel.so from dcap-tunnel-gsi)
 * with an RFC 3820 proxy of a test user: the session runs as the grid identity, so the "other" bits
 * do not limit it (the server's ACL default for authenticated sessions, write, decides).
 */
@Tag("interop")
class GsidcapInteropTest {

    @TempDir
    static Path tmp;
    static ServerContext context;
    static DcapDoor door;
    static Path root;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create(tmp.resolve("certificates"));
        Path proxy = tmp.resolve("x509up");
        TestPki.writeProxyFile(TestPki.proxy(pki.user(), TestPki.ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1)), proxy);
        env = Map.of("X509_CERT_DIR", pki.certDir().toString(), "X509_USER_PROXY", proxy.toString(), "HOME", tmp.toString());
        root = Files.createDirectories(tmp.resolve("root"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        context = TestContexts.builder().access(SlashGridAccessPolicy.fromConfig(ConfigFile.empty(), ServerMetrics.NONE)).build();
        PortRange range = DcapTestDoors.dataPorts(26000);
        DcapSettings settings = DcapSettings.gsi(ConfigFile.empty()).withPort(ShortPorts.free()).withRoot(root).withPortRange(range);
        GsiService gsi = GsiService.start(pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3")));
        door = new DcapDoor(context, settings, new PortAllocator(range), gsi);
        door.start();
    }

    @AfterAll
    static void stop() {
        DcapTestDoors.stop(door, context);
    }

    /** dccp's messages go to stderr; the outcome and everything it printed. */
    record Result(int exit, String output) {}

    static Result dccp(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "dccp";
        System.arraycopy(args, 0, command, 1, args.length);
        ExternalProgram run = ExternalProgram.run(env, tmp, Duration.ofSeconds(120), command);
        return new Result(run.exitCode(), run.stdout() + run.stderr());
    }

    static String url(String path) {
        return "gsidcap://127.0.0.1:" + door.localAddress().getPort() + path;
    }

    @Test
    void downloadsAndUploadsAsTheGridIdentity() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 5];
        ThreadLocalRandom.current().nextBytes(content);
        Path privateFile = root.resolve("private.bin");
        Files.write(privateFile, content);
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        Path local = tmp.resolve("down.bin");
        Result down = dccp("-A", url("/private.bin"), local.toString());
        assertEquals(0, down.exit(), down.output());
        assertArrayEquals(content, Files.readAllBytes(local));

        Result up = dccp("-A", local.toString(), url("/uploaded.bin"));
        assertEquals(0, up.exit(), up.output());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("uploaded.bin")));
    }

    @Test
    void aMissingFileFailsInsideTheTunnelToo() throws Exception {
        Result r = dccp("-A", url("/missing"), tmp.resolve("never").toString());
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("no such file or directory"), r.output());
    }

    /** libdcap's dc_opendir through the tunnel: a 0700 directory is listable for the grid identity. */
    @Test
    void readdirWorksAsTheGridIdentity() throws Exception {
        Path dir = Files.createDirectories(root.resolve("private-dir"));
        Files.writeString(dir.resolve("inside.txt"), "x");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path script = DcapTestDoors.libdcapClient(tmp);
        Map<String, String> withReply = new HashMap<>(env);
        withReply.put("DCACHE_REPLY", "127.0.0.1");
        ExternalProgram run = ExternalProgram.run(withReply, tmp, Duration.ofSeconds(120), "python3", script.toString(),
                "opendir", url("/private-dir"));
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("f inside.txt", run.stdout().strip(), run.stderr());
    }
}
