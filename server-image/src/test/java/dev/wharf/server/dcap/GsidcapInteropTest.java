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
import dev.wharf.server.data.PortRange;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.metrics.ServerMetrics;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
        int first = 26000 + ThreadLocalRandom.current().nextInt(30) * 100;
        PortRange range = new PortRange(first, first + 99);
        DcapSettings settings = DcapSettings.gsi(ConfigFile.empty()).withPort(ShortPorts.free()).withRoot(root).withPortRange(range);
        GsiService gsi = GsiService.start(pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3")));
        door = new DcapDoor(context, settings, new PortAllocator(range), gsi);
        door.start();
    }

    @AfterAll
    static void stop() {
        if (door != null) {
            door.close();
        }
        if (context != null) {
            TestContexts.close(context);
        }
    }

    record Result(int exit, String output) {}

    static Result dccp(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dccp"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "dccp", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("dccp did not finish:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
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
}
