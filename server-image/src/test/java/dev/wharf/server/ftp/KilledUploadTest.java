package dev.wharf.server.ftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 §2, the short version for every build (KilledUploadInteropTest kills real curl processes): a
 * client that dies mid-upload never leaves a half-written file under the final name, and an existing file
 * keeps its old content. Dying is played by a raw client: both connections closed at once, in either order
 * ({@code kill -9} on Linux releases the data socket first, a few microseconds before the control socket);
 * a reset data connection; and a size announced with ALLO that the data does not reach.
 */
class KilledUploadTest {

    /** Tries per variant; {@link KilledUploadInteropTest} makes it 20. */
    int runs() {
        return 5;
    }

    static final byte[] OLD = "the old content\n".getBytes(StandardCharsets.UTF_8);

    @TempDir Path tmp;

    @ParameterizedTest(name = "overwrite={0} controlFirst={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void bothConnectionsClosedAtOnceKeepNothing(boolean overwrite, boolean controlFirst) throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < runs(); i++) {
                String name = "killed-" + i + ".bin";
                prepare(server, name, overwrite);
                RawFtp ftp = new RawFtp(server.port());
                ftp.login();
                expect(200, ftp.command("TYPE I"));
                Socket data = ftp.passive();
                expect(150, ftp.command("STOR " + name));
                data.getOutputStream().write(new byte[256 * 1024]);
                if (controlFirst) {
                    ftp.close();
                    data.close();
                } else { // what kill -9 does on Linux: sockets are released last-opened first
                    data.close();
                    ftp.close();
                }
                awaitSettled(server, i + 1);
                check(server, name, overwrite, kept);
            }
            assertTrue(kept.isEmpty(), "a killed client's upload was kept: " + kept);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aResetDataConnectionKeepsNothing(boolean overwrite) throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of());
             RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < runs(); i++) {
                String name = "reset-" + i + ".bin";
                prepare(server, name, overwrite);
                Socket data = ftp.passive();
                expect(150, ftp.command("STOR " + name));
                data.getOutputStream().write(new byte[256 * 1024]);
                data.setSoLinger(true, 0); // close with RST
                data.close();
                String reply = ftp.reply();
                assertTrue(reply.startsWith("426"), reply);
                check(server, name, overwrite, kept);
            }
            assertTrue(kept.isEmpty(), "a reset upload was kept: " + kept);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anUploadShorterThanItsAlloIsNotKept(boolean overwrite) throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of());
             RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(200, ftp.command("TYPE I"));
            prepare(server, "short.bin", overwrite);
            expect(202, ftp.command("ALLO 1000"));
            try (Socket data = ftp.passive()) {
                expect(150, ftp.command("STOR short.bin"));
                data.getOutputStream().write(new byte[500]);
                data.shutdownOutput();
                String reply = ftp.reply();
                assertTrue(reply.startsWith("426") && reply.contains("500 of the 1000 bytes"), reply);
            }
            List<String> kept = new ArrayList<>();
            check(server, "short.bin", overwrite, kept);
            assertTrue(kept.isEmpty(), kept.toString());

            expect(202, ftp.command("ALLO 1000")); // the announced size arrives: kept
            try (Socket data = ftp.passive()) {
                expect(150, ftp.command("STOR short.bin"));
                data.getOutputStream().write(new byte[1000]);
                data.shutdownOutput();
                expect(226, ftp.reply());
            }
            assertEquals(1000, Files.size(server.root().resolve("short.bin")));
            try (Socket data = ftp.passive()) { // ALLO is used up by the upload it announced
                expect(150, ftp.command("STOR short.bin"));
                data.getOutputStream().write(new byte[10]);
                data.shutdownOutput();
                expect(226, ftp.reply());
            }
        }
    }

    @Test
    void alloNeedsAByteCount() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of());
             RawFtp ftp = new RawFtp(server.port())) {
            ftp.login();
            expect(501, ftp.command("ALLO many"));
            expect(202, ftp.command("ALLO 10 R 512"));
        }
    }

    static void prepare(FtpTestServer server, String name, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.write(server.root().resolve(name), OLD);
        }
    }

    /** Nothing under the final name but the old content, and no upload temporary left behind. */
    static void check(FtpTestServer server, String name, boolean overwrite, List<String> kept) throws IOException {
        Path file = server.root().resolve(name);
        if (overwrite) {
            if (!java.util.Arrays.equals(OLD, Files.readAllBytes(file))) {
                kept.add(name + " (" + Files.size(file) + " bytes instead of the old content)");
            }
        } else if (Files.exists(file)) {
            kept.add(name + " (" + Files.size(file) + " bytes)");
        }
        try (Stream<Path> all = Files.list(server.root())) {
            List<String> temporaries = all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(dev.wharf.server.fs.HiddenNames.UPLOAD_PREFIX)).toList();
            assertTrue(temporaries.isEmpty(), "temporaries left: " + temporaries);
        }
    }

    /** Waits (bounded) until the server has ended {@code uploads} uploads one way or another. */
    static void awaitSettled(FtpTestServer server, int uploads) throws InterruptedException {
        RecordingMetrics m = server.metrics();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (m.get("transfer:ftp:IN:completed") + m.get("transfer:ftp:IN:aborted") + m.get("transfer:ftp:IN:failed") < uploads) {
            assertFalse(System.nanoTime() > deadline, "the server did not end upload " + uploads + ": " + m);
            Thread.sleep(5);
        }
    }
}
