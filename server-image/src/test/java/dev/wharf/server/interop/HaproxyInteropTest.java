package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real haproxy in front of the FTP door, sending PROXY v1 ({@code send-proxy}) and v2
 * ({@code send-proxy-v2}). Clients use their own loopback source addresses (127.0.0.5, 127.0.0.6)
 * while haproxy always connects from 127.0.0.1, so the only way the server can tell them apart is the
 * PROXY header: the allowed-subnets check must use the address it carries.
 */
@Tag("interop")
class HaproxyInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ALLOWED_CLIENT = "127.0.0.5";
    private static final String REFUSED_CLIENT = "127.0.0.6";

    @TempDir
    static Path dir;
    static InteropServer server;
    static Process haproxy;
    static int v1Port;
    static int v2Port;
    static byte[] payload;

    @BeforeAll
    static void start() throws Exception {
        server = InteropServer.start(dir.resolve("server"), Map.of(
                "net.proxy-protocol", "true",
                "net.proxy-trusted", "127.0.0.1/32", // haproxy connects from 127.0.0.1
                "net.allowed-subnets", ALLOWED_CLIENT + "/32"));
        payload = InteropServer.randomBytes(1024 * 1024 + 9);
        Files.write(server.root().resolve("payload.bin"), payload);
        Files.createDirectories(dir.resolve("client"));
        v1Port = freePort();
        v2Port = freePort();
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, String.join("\n",
                "defaults",
                "  mode tcp",
                "  timeout connect 5s",
                "  timeout client 60s",
                "  timeout server 60s",
                "frontend ftp_v1",
                "  bind 127.0.0.1:" + v1Port,
                "  default_backend wharf_v1",
                "backend wharf_v1",
                "  server wharf 127.0.0.1:" + server.ftpPort() + " send-proxy",
                "frontend ftp_v2",
                "  bind 127.0.0.1:" + v2Port,
                "  default_backend wharf_v2",
                "backend wharf_v2",
                "  server wharf 127.0.0.1:" + server.ftpPort() + " send-proxy-v2",
                ""));
        haproxy = Programs.start(dir.resolve("haproxy.log"), "haproxy", "-db", "-f", config.toString());
        awaitListening(v1Port);
        awaitListening(v2Port);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
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

    private static Programs.Result curlVia(int proxyPort, String source, String output) {
        return Programs.run(TIMEOUT, dir.resolve("client"), "curl", "-sS", "--fail", "--max-time", "50",
                "--interface", source, "-u", server.credentials(), "-o", dir.resolve("client/" + output).toString(),
                "ftp://127.0.0.1:" + proxyPort + "/payload.bin");
    }

    @ParameterizedTest(name = "PROXY v{0}")
    @ValueSource(ints = {1, 2})
    void downloadThroughHaproxyFromAnAllowedClient(int version) throws Exception {
        Programs.Result result = curlVia(version == 1 ? v1Port : v2Port, ALLOWED_CLIENT, "v" + version + ".bin");
        assertEquals(0, result.exitCode(), result.describe());
        assertArrayEquals(payload, Files.readAllBytes(dir.resolve("client/v" + version + ".bin")));
    }

    @ParameterizedTest(name = "PROXY v{0}")
    @ValueSource(ints = {1, 2})
    void theAddressInTheHeaderDrivesTheSubnetCheck(int version) throws Exception {
        double refusedBefore = refusedLogins();
        Programs.Result result = curlVia(version == 1 ? v1Port : v2Port, REFUSED_CLIENT, "refused" + version);
        assertNotEquals(0, result.exitCode(), result.describe());
        // the TCP peer is haproxy (127.0.0.1) either way: only the header can have told the server
        assertEquals(refusedBefore + 1, refusedLogins(), "the server should count one refusal");
        assertTrue(Files.notExists(dir.resolve("client/refused" + version)));
    }

    private static double refusedLogins() {
        return server.server().metrics().scrape().lines()
                .filter(l -> l.startsWith("wharf_logins_total{") && l.contains("door=\"ftp\"")
                        && l.contains("result=\"refused\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aDirectClientWithoutHeaderGetsNoGreeting() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.ftpPort()), 2000);
            socket.setSoTimeout(20_000); // the server closes header-less connections after 10 s
            socket.getOutputStream().write("USER jane\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            String text = new String(answer, StandardCharsets.US_ASCII);
            assertTrue(!text.startsWith("220"), "a connection without a PROXY header must not be greeted: " + text);
        }
        // haproxy's clients are still served
        Programs.Result result = curlVia(v2Port, ALLOWED_CLIENT, "after.bin");
        assertEquals(0, result.exitCode(), result.describe());
    }
}
