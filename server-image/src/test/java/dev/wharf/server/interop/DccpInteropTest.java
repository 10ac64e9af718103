package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's dccp (dcap 2.47) against Wharf's dCap door on loopback: downloads and uploads byte for
 * byte, both data-connection modes, refusals it must print. dccp is always given {@code -h 127.0.0.1}
 * (server connects back) or {@code -A} (client connects), never the machine's host name.
 */
@Tag("interop")
class DccpInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static InteropServer server;
    static Path root;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(dir.resolve("dcap"));
        int first = 24000 + ThreadLocalRandom.current().nextInt(40) * 200;
        server = InteropServer.start(dir.resolve("server"), Map.of("dcap.enabled", "true",
                "dcap.port", Integer.toString(freeShortPort()), "dcap.root", root.toString(),
                "data.port-range", first + "-" + (first + 199)));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    /**
     * libdcap keeps the door port of a URL in a signed short: a port above 32767 becomes negative and
     * dccp cannot connect. Kernel-chosen ports are above that, so the test picks a free one below.
     */
    static int freeShortPort() throws java.io.IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 10000 + ThreadLocalRandom.current().nextInt(14000);
            try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new java.io.IOException("no free port below 24000");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String url(String path) {
        return "dcap://127.0.0.1:" + server.port("dcap") + path;
    }

    static Programs.Result dccp(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "dccp";
        System.arraycopy(args, 0, command, 1, args.length);
        return Programs.run(TIMEOUT, dir, command);
    }

    static byte[] publicFile(String name, int size) throws Exception {
        byte[] content = InteropServer.randomBytes(size);
        Path file = root.resolve(name);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return content;
    }

    @Test
    void downloadsWithTheServerConnectingBack() throws Exception {
        byte[] content = publicFile("small.bin", 100_000);
        Path local = dir.resolve("small-active.bin");
        Programs.Result r = dccp("-h", "127.0.0.1", url("/small.bin"), local.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertArrayEquals(content, Files.readAllBytes(local));
    }

    @Test
    void downloadsWithTheClientConnecting() throws Exception {
        byte[] content = publicFile("small2.bin", 100_001);
        Path local = dir.resolve("small-passive.bin");
        Programs.Result r = dccp("-A", url("/small2.bin"), local.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertArrayEquals(content, Files.readAllBytes(local));
    }

    @Test
    void uploadsBothWays() throws Exception {
        byte[] content = InteropServer.randomBytes(300_000);
        Path local = dir.resolve("up.bin");
        Files.write(local, content);
        Programs.Result active = dccp("-h", "127.0.0.1", local.toString(), url("/up-active.bin"));
        assertEquals(0, active.exitCode(), active.describe());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("up-active.bin")));
        Programs.Result passive = dccp("-A", local.toString(), url("/up-passive.bin"));
        assertEquals(0, passive.exitCode(), passive.describe());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("up-passive.bin")));
    }
}
