package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wharf.server.dcap.ShortPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dccp through a real haproxy in front of the dCap door, PROXY v1 ({@code send-proxy}) and v2
 * ({@code send-proxy-v2}), in both data-connection directions. haproxy reaches the door from
 * 127.0.0.2 (the only trusted proxy) while dccp itself is 127.0.0.1, so a data connection matches
 * the control connection only through the PROXY header's address (docs/dcap.md, "Behind a load
 * balancer"). A second pair of frontends rewrites the client to 127.0.0.10 ({@code set-src}), outside
 * {@code net.allowed-subnets}: the door must refuse it.
 */
@Tag("interop")
class DccpHaproxyInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static InteropServer server;
    static Process haproxy;
    static Path root;
    static byte[] payload;
    /** v1 allowed, v2 allowed, v1 refused, v2 refused: haproxy frontends on ports dccp can reach. */
    static final int[] PORTS = new int[4];

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(dir.resolve("dcap"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        int first = 26000 + ThreadLocalRandom.current().nextInt(20) * 200;
        server = InteropServer.start(dir.resolve("server"), Map.of("dcap.enabled", "true",
                "dcap.port", Integer.toString(ShortPorts.free()), "dcap.root", root.toString(),
                "data.port-range", first + "-" + (first + 199),
                "net.proxy-protocol", "true", "net.proxy-trusted", "127.0.0.2/32",
                "net.allowed-subnets", "127.0.0.1/32"));
        payload = InteropServer.randomBytes(3 * 1024 * 1024 + 7);
        Path file = root.resolve("payload.bin");
        Files.write(file, payload);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> config = new ArrayList<>(List.of("defaults", "  mode tcp", "  timeout connect 5s",
                "  timeout client 60s", "  timeout server 60s"));
        String[] names = {"v1ok", "v2ok", "v1refused", "v2refused"};
        for (int i = 0; i < 4; i++) {
            PORTS[i] = ShortPorts.free();
            config.add("frontend " + names[i]);
            config.add("  bind 127.0.0.1:" + PORTS[i]);
            if (i >= 2) {
                config.add("  tcp-request connection set-src ipv4(127.0.0.10)");
            }
            config.add("  default_backend " + names[i]);
            config.add("backend " + names[i]);
            config.add("  server wharf 127.0.0.1:" + server.port("dcap") + " source 127.0.0.2"
                    + (i % 2 == 0 ? " send-proxy" : " send-proxy-v2"));
        }
        config.add("");
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, String.join("\n", config));
        haproxy = Programs.start(dir.resolve("haproxy.log"), "haproxy", "-db", "-f", cfg.toString());
        for (int port : PORTS) {
            awaitListening(port);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor();
        }
        if (server != null) {
            server.close();
        }
    }

    static Programs.Result dccp(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "dccp";
        System.arraycopy(args, 0, command, 1, args.length);
        return Programs.run(TIMEOUT, dir, command);
    }

    static String url(int port, String path) {
        return "dcap://127.0.0.1:" + port + path;
    }

    /** -A: dccp connects to the door's data port (from 127.0.0.1, not from haproxy's 127.0.0.2). */
    @ParameterizedTest(name = "PROXY v{0}, client connects")
    @CsvSource({"1, 0", "2, 1"})
    void downloadAndUploadWhenTheClientOpensTheDataConnection(int version, int frontend) throws Exception {
        Path local = dir.resolve("passive-v" + version + ".bin");
        Programs.Result down = dccp("-A", url(PORTS[frontend], "/payload.bin"), local.toString());
        assertEquals(0, down.exitCode(), down.describe());
        assertArrayEquals(payload, Files.readAllBytes(local));
        Programs.Result up = dccp("-A", local.toString(), url(PORTS[frontend], "/up-passive-v" + version + ".bin"));
        assertEquals(0, up.exitCode(), up.describe());
        assertArrayEquals(payload, Files.readAllBytes(root.resolve("up-passive-v" + version + ".bin")));
    }

    /** Default: the door connects to dccp's callback port at the header's address, not at haproxy's. */
    @ParameterizedTest(name = "PROXY v{0}, server connects")
    @CsvSource({"1, 0", "2, 1"})
    void downloadWhenTheServerOpensTheDataConnection(int version, int frontend) throws Exception {
        Path local = dir.resolve("active-v" + version + ".bin");
        Programs.Result down = dccp("-h", "127.0.0.1", url(PORTS[frontend], "/payload.bin"), local.toString());
        assertEquals(0, down.exitCode(), down.describe());
        assertArrayEquals(payload, Files.readAllBytes(local));
    }

    @ParameterizedTest(name = "PROXY v{0}")
    @CsvSource({"1, 2", "2, 3"})
    void aRealAddressOutsideTheAllowedSubnetsIsRefused(int version, int frontend) throws Exception {
        double before = refusals();
        Path local = dir.resolve("refused-v" + version + ".bin");
        Programs.Result down = dccp("-A", url(PORTS[frontend], "/payload.bin"), local.toString());
        assertNotEquals(0, down.exitCode(), down.describe());
        assertTrue(Files.notExists(local) || Files.size(local) == 0, "nothing may be served");
        assertTrue(refusals() > before, "the door should count the refusal of 127.0.0.10");
    }

    private static double refusals() {
        return server.server().metrics().scrape().lines()
                .filter(l -> l.startsWith("wharf_connections_total{") && l.contains("door=\"dcap\"")
                        && l.contains("result=\"subnet\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!haproxy.isAlive()) {
                fail("haproxy exited: " + Files.readString(dir.resolve("haproxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("haproxy does not listen on " + port + ": " + Files.readString(dir.resolve("haproxy.log")));
    }
}
