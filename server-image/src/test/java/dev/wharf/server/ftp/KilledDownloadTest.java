package dev.wharf.server.ftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §6: a client killed mid-download. Its kernel resets the data connection (unread data) and closes
 * the control connection; the server ends the transfer as aborted, releases the session and serves the
 * next client the whole file.
 */
class KilledDownloadTest {

    static final int RUNS = 5;

    @TempDir Path tmp;

    @Test
    void aClientKilledMidDownloadLeavesTheServerServing() throws Exception {
        byte[] content = StorageFaultTest.random(16 * 1024 * 1024);
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            Files.write(server.root().resolve("big.bin"), content);
            for (int i = 0; i < RUNS; i++) {
                RawFtp ftp = new RawFtp(server.port());
                ftp.login();
                expect(200, ftp.command("TYPE I"));
                Socket data = ftp.passive();
                expect(150, ftp.command("RETR big.bin"));
                data.getInputStream().readNBytes(64 * 1024);
                data.setSoLinger(true, 0); // what dying with unread data does: RST
                data.close();
                ftp.close();
                awaitEnded(server, i + 1);
            }
            assertEquals(RUNS, server.metrics().get("transfer:ftp:OUT:aborted") + server.metrics().get("transfer:ftp:OUT:failed"));
            try (RawFtp ftp = new RawFtp(server.port())) {
                ftp.login();
                expect(200, ftp.command("TYPE I"));
                try (Socket data = ftp.passive()) {
                    expect(150, ftp.command("RETR big.bin"));
                    try (InputStream in = data.getInputStream()) {
                        assertArrayEquals(content, in.readAllBytes());
                    }
                }
                expect(226, ftp.reply());
            }
        }
    }

    private static void awaitEnded(FtpTestServer server, int downloads) throws InterruptedException {
        RecordingMetrics m = server.metrics();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (m.get("transfer:ftp:OUT:aborted") + m.get("transfer:ftp:OUT:failed") + m.get("transfer:ftp:OUT:completed") < downloads
                || m.get("open:ftp") > 0) {
            assertFalse(System.nanoTime() > deadline, "the server did not end download " + downloads + ": " + m);
            Thread.sleep(5);
        }
    }
}
