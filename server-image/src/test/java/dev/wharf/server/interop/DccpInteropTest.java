package dev.wharf.server.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.dcap.ShortPorts;
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
    static int first;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(dir.resolve("dcap"));
        first = 24000 + ThreadLocalRandom.current().nextInt(40) * 200;
        server = InteropServer.start(dir.resolve("server"), Map.of("dcap.enabled", "true",
                "dcap.port", Integer.toString(ShortPorts.free()), "dcap.root", root.toString(),
                "data.port-range", first + "-" + (first + 199)));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
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

    /**
     * Small buffers (-B: many WRITE round trips, a block per buffer) and unsafe write (-u: one WRITE,
     * the blocks of every buffer, the trailer only at close) end in the same bytes.
     */
    @Test
    void uploadsWithSmallBuffersAndUnsafeWrite() throws Exception {
        byte[] content = InteropServer.randomBytes(3 * 1024 * 1024 + 7);
        Path local = dir.resolve("up-modes.bin");
        Files.write(local, content);
        Programs.Result small = dccp("-A", "-B", "65536", local.toString(), url("/up-small-buffers.bin"));
        assertEquals(0, small.exitCode(), small.describe());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("up-small-buffers.bin")));
        Programs.Result unsafe = dccp("-A", "-u", local.toString(), url("/up-unsafe.bin"));
        assertEquals(0, unsafe.exitCode(), unsafe.describe());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("up-unsafe.bin")));
    }

    @Test
    void emptyFilesBothWays() throws Exception {
        publicFile("empty.bin", 0);
        Path local = dir.resolve("empty-down.bin");
        Programs.Result down = dccp("-A", url("/empty.bin"), local.toString());
        assertEquals(0, down.exitCode(), down.describe());
        assertEquals(0, Files.size(local));
        Path empty = Files.write(dir.resolve("empty-up.bin"), new byte[0]);
        Programs.Result up = dccp("-h", "127.0.0.1", empty.toString(), url("/empty-up.bin"));
        assertEquals(0, up.exitCode(), up.describe());
        assertEquals(0, Files.size(root.resolve("empty-up.bin")));
    }

    @Test
    void fiftyMebibytesBothWaysAndBothModes() throws Exception {
        byte[] content = publicFile("big.bin", 50 * 1024 * 1024 + 3);
        Path active = dir.resolve("big-active.bin");
        Programs.Result r1 = dccp("-h", "127.0.0.1", url("/big.bin"), active.toString());
        assertEquals(0, r1.exitCode(), r1.describe());
        assertArrayEquals(content, Files.readAllBytes(active));
        Path passive = dir.resolve("big-passive.bin");
        Programs.Result r2 = dccp("-A", url("/big.bin"), passive.toString());
        assertEquals(0, r2.exitCode(), r2.describe());
        assertArrayEquals(content, Files.readAllBytes(passive));
        Programs.Result r3 = dccp("-A", active.toString(), url("/big-up-passive.bin"));
        assertEquals(0, r3.exitCode(), r3.describe());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("big-up-passive.bin")));
        Programs.Result r4 = dccp("-h", "127.0.0.1", active.toString(), url("/big-up-active.bin"));
        assertEquals(0, r4.exitCode(), r4.describe());
        assertArrayEquals(content, Files.readAllBytes(root.resolve("big-up-active.bin")));
    }

    /**
     * Past 4 GiB, where 32-bit offsets and counts would wrap: a sparse 4 GiB + 3 file with random
     * patches at the start, across 2^31 and 2^32 and at the end, down with {@code -A} and back up with the
     * server connecting, each copy compared with cmp.
     */
    @Test
    void fourGibibytesAndThreeBytesDownAndBackUp() throws Exception {
        long size = (4L << 30) + 3;
        Path source = root.resolve("huge.bin");
        try (var file = java.nio.channels.FileChannel.open(source, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            for (long at : new long[] {0, (1L << 31) - (1 << 19), (1L << 32) - (1 << 19), size - (1 << 20)}) {
                file.write(java.nio.ByteBuffer.wrap(InteropServer.randomBytes(1 << 20)), at);
            }
        }
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
        Path down = dir.resolve("huge-down.bin");
        Path up = root.resolve("huge-up.bin");
        try {
            Programs.Result r1 = dccp("-A", url("/huge.bin"), down.toString());
            assertEquals(0, r1.exitCode(), r1.describe());
            assertIdentical(source, down);
            Programs.Result r2 = dccp("-h", "127.0.0.1", down.toString(), url("/huge-up.bin"));
            assertEquals(0, r2.exitCode(), r2.describe());
            assertIdentical(source, up);
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(down);
            Files.deleteIfExists(up);
        }
    }

    private static void assertIdentical(Path expected, Path actual) throws Exception {
        assertEquals(Files.size(expected), Files.size(actual), actual + " has the wrong size");
        Programs.Result cmp = Programs.run(TIMEOUT, dir, "cmp", expected.toString(), actual.toString());
        assertEquals(0, cmp.exitCode(), cmp.describe());
    }

    @Test
    void passiveDataConnectionsComeFromTheDataPortRange() throws Exception {
        publicFile("ranged.bin", 1000);
        Programs.Result r = dccp("-d", "6", "-A", url("/ranged.bin"), dir.resolve("ranged.bin").toString());
        assertEquals(0, r.exitCode(), r.describe());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'connect to 127\\.0\\.0\\.1:(\\d+)' received").matcher(r.stderr());
        assertTrue(m.find(), r.describe());
        int port = Integer.parseInt(m.group(1));
        assertTrue(port >= first && port < first + 200, "data port " + port + " outside " + first + "-" + (first + 199));
    }

    @Test
    void aMissingFileFailsWithAClearMessage() {
        Programs.Result r = dccp("-A", url("/no-such-file"), dir.resolve("never").toString());
        assertNotEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("no such file or directory"), r.describe());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void aWriteIntoADirectoryThatIsNotWorldWritableIsRefused() throws Exception {
        Path closed = Files.createDirectories(root.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path local = Files.write(dir.resolve("denied.bin"), new byte[1000]);
        Programs.Result r = dccp("-h", "127.0.0.1", local.toString(), url("/closed/denied.bin"));
        assertNotEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("permission denied"), r.describe());
        try (var files = Files.list(closed)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aClientKilledMidUploadLeavesNoFileUnderTheTargetName() throws Exception {
        Path fifo = dir.resolve("upload.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        Process client = Programs.start(dir.resolve("killed.log"), "dccp", "-h", "127.0.0.1", fifo.toString(), url("/killed.bin"));
        try (java.io.OutputStream feed = Files.newOutputStream(fifo)) {
            feed.write(InteropServer.randomBytes(4 * 1024 * 1024));
            feed.flush();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!uploadInProgress() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(uploadInProgress(), "the upload's temporary file never received data");
            client.destroyForcibly().waitFor();
        } catch (java.io.IOException brokenPipe) {
            // the killed client closed its end of the FIFO
        } finally {
            client.destroyForcibly();
        }
        assertFalse(Files.exists(root.resolve("killed.bin")), "no file under the target name");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (uploadTemporaries() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, uploadTemporaries(), "the temporary was removed");
        assertFalse(Files.exists(root.resolve("killed.bin")));
    }

    private static boolean uploadInProgress() throws java.io.IOException {
        try (var files = Files.list(root)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".wharf-upload") && f.toFile().length() > 0);
        }
    }

    private static long uploadTemporaries() throws java.io.IOException {
        try (var files = Files.list(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".wharf-upload")).count();
        }
    }
}
