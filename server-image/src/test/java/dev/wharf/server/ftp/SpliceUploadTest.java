package dev.wharf.server.ftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The splice receive path ({@code transfer.splice-uploads = true}, data.SpliceReceiver/SpliceLoop): the bytes,
 * REST and APPE offsets, and every way an upload can end — ABOR, a reset, a full disk — end as on the
 * ordinary path, with the splice thread gone and the data socket really closed. Each test first checks that
 * the upload did run on the splice thread, so none passes by falling back to the ordinary path.
 */
class SpliceUploadTest {

    static final Map<String, String> SPLICE = Map.of("transfer.splice-uploads", "true");
    static final int MIB = 1024 * 1024;

    @TempDir Path tmp;

    @Test
    void aSplicedUploadLandsByteForByteWithItsCount() throws Exception {
        byte[] content = random(5 * MIB + 123);
        try (FtpTestServer server = FtpTestServer.start(tmp, SPLICE); RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            try (Socket data = ftp.passive()) {
                expect(150, ftp.command("STOR big.bin"));
                OutputStream out = data.getOutputStream();
                out.write(content, 0, MIB);
                awaitSpliceThread(true);
                out.write(content, MIB, content.length - MIB);
            }
            expect(226, ftp.reply());
            assertArrayEquals(content, Files.readAllBytes(server.root().resolve("big.bin")));
            awaitSpliceThread(false);
            assertEquals(content.length, server.metrics().get("bytes:ftp:IN"));
        }
    }

    /** Below SpliceReceiver.SPLICE_AFTER_BYTES an upload never pays for a thread, a pipe and duplicates. */
    @Test
    void aSmallUploadKeepsTheEventLoop() throws Exception {
        byte[] content = random(MIB - 1);
        try (FtpTestServer server = FtpTestServer.start(tmp, SPLICE); RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            try (Socket data = ftp.passive()) {
                expect(150, ftp.command("STOR small.bin"));
                data.getOutputStream().write(content);
                Thread.sleep(300);
                assertFalse(spliceThreadRunning(), "a small upload got the splice thread");
            }
            expect(226, ftp.reply());
            assertArrayEquals(content, Files.readAllBytes(server.root().resolve("small.bin")));
        }
    }

    @Test
    void restAndAppeWriteAtTheirOffsets() throws Exception {
        byte[] head = random(3 * MIB);
        byte[] tail = random(2 * MIB);
        try (FtpTestServer server = FtpTestServer.start(tmp, SPLICE); RawFtp ftp = new RawFtp(server.port())) {
            Path file = server.root().resolve("resumed.bin");
            Files.write(file, Arrays.copyOf(head, MIB + 7));
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            Socket data = ftp.passive();
            expect(350, ftp.command("REST " + (MIB + 7)));
            expect(150, ftp.command("STOR resumed.bin"));
            sendSlowly(data, Arrays.copyOfRange(head, MIB + 7, head.length));
            expect(226, ftp.reply());
            assertArrayEquals(head, Files.readAllBytes(file));

            data = ftp.passive();
            expect(150, ftp.command("APPE resumed.bin"));
            sendSlowly(data, tail);
            expect(226, ftp.reply());
            byte[] both = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, both, head.length, tail.length);
            assertArrayEquals(both, Files.readAllBytes(file));
        }
    }

    /**
     * ABOR closes the channel Netty still owns while the splice thread waits in poll(2) on its duplicate:
     * shutdown(2) of that duplicate must wake it, and its close must really close the connection. The
     * replies, the file and the counts are the ordinary path's: 426 then 226, and nothing kept (stream mode
     * sees the close that ABOR makes as the end of the data; the runner knows it was an ABOR). (data.SpliceDescriptorReuseTest pins the descriptor guard
     * itself, with the closed number handed to another pipe.)
     */
    @Test
    void aborEndsTheUploadAsTheOrdinaryPathDoes() throws Exception {
        String ordinary = abortedUpload(Map.of("transfer.splice-uploads", "false"), false);
        String spliced = abortedUpload(SPLICE, true);
        assertEquals(ordinary, spliced);
        // RFC 959: the aborted transfer ends 426, ABOR 226; the partial upload is not kept (it was, with 226 226)
        assertTrue(ordinary.startsWith("426 226, nothing kept"), ordinary);
    }

    private String abortedUpload(Map<String, String> config, boolean splice) throws Exception {
        byte[] sent = random(MIB);
        Path dir = Files.createDirectories(tmp.resolve(splice ? "spliced" : "ordinary"));
        try (FtpTestServer server = FtpTestServer.start(dir, config); RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            Socket data = ftp.passive();
            expect(150, ftp.command("STOR aborted.bin"));
            data.getOutputStream().write(sent);
            if (splice) {
                awaitSpliceThread(true);
            }
            awaitProgress(ftp, sent.length);
            ftp.send("ABOR");
            String replies = ftp.reply().substring(0, 3) + " " + ftp.reply().substring(0, 3);
            data.setSoTimeout(5000);
            assertClosedByServer(data);
            awaitSpliceThread(false);
            KilledUploadTest.awaitSettled(server, 1);
            Path file = server.root().resolve("aborted.bin");
            String kept = Files.exists(file) ? Arrays.equals(sent, Files.readAllBytes(file)) ? "all bytes kept" : "other bytes kept"
                    : "nothing kept";
            return replies + ", " + kept + ", " + server.metrics();
        }
    }

    /** STAT during the transfer until the server has received {@code bytes}. */
    private static void awaitProgress(RawFtp ftp, long bytes) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!ftp.command("STAT").contains(" " + bytes + " ")) {
            assertFalse(System.nanoTime() > deadline, "the server never reported " + bytes + " bytes received");
            Thread.sleep(20);
        }
    }

    @Test
    void aResetDataConnectionEndsWith426AndKeepsNothing() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, SPLICE); RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            Socket data = ftp.passive();
            expect(150, ftp.command("STOR reset.bin"));
            data.getOutputStream().write(random(MIB));
            awaitSpliceThread(true);
            data.setSoLinger(true, 0);
            data.close();
            expect(426, ftp.reply());
            awaitSpliceThread(false);
            assertNoUpload(server, "reset.bin");
        }
    }

    @Test
    void aFullDiskEndsWith452AndKeepsTheOldFile() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        try (Tmpfs ignored = Tmpfs.mount(root, "4m");
             FtpTestServer server = FtpTestServer.start(tmp, SPLICE);
             RawFtp ftp = new RawFtp(server.port())) {
            Files.write(root.resolve("kept.bin"), "old".getBytes());
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            Socket data = ftp.passive();
            expect(150, ftp.command("STOR kept.bin"));
            OutputStream out = data.getOutputStream();
            out.write(random(MIB));
            awaitSpliceThread(true);
            try {
                out.write(random(8 * MIB));
                data.close();
            } catch (IOException closedByServer) {
                // the server gives up on the data connection at ENOSPC
            }
            expect(452, ftp.reply());
            awaitSpliceThread(false);
            assertEquals("old", Files.readString(root.resolve("kept.bin")));
            assertNoUpload(server, "kept.bin.none");
        }
    }

    private static void sendSlowly(Socket data, byte[] bytes) throws Exception {
        try (data) {
            OutputStream out = data.getOutputStream();
            int first = Math.min(MIB, bytes.length);
            out.write(bytes, 0, first);
            awaitSpliceThread(true);
            out.write(bytes, first, bytes.length - first);
        }
    }

    static void awaitSpliceThread(boolean running) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (spliceThreadRunning() != running) {
            assertFalse(System.nanoTime() > deadline, running ? "the upload never reached the splice thread"
                    : "the splice thread did not end");
            Thread.sleep(5);
        }
    }

    private static boolean spliceThreadRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("splice-upload") && t.isAlive());
    }

    private static void assertClosedByServer(Socket data) throws IOException {
        try {
            assertEquals(-1, data.getInputStream().read(), "the server did not close the data connection");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server never closed the data connection", e);
        } catch (IOException reset) {
            // closed with data unread: a reset also tells the client it is over
        }
    }

    /** Nothing under the name, no upload temporary left behind. */
    private static void assertNoUpload(FtpTestServer server, String name) throws IOException {
        assertFalse(Files.exists(server.root().resolve(name)), name + " was kept");
        try (Stream<Path> left = Files.list(server.root())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "an upload temporary was left");
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
