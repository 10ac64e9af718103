package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM drains the real process (docs/server.md, "Lifecycle"): it stops accepting, tells idle sessions
 * 421, lets a running download finish, then exits 0.
 */
class SigtermDrainTest {

    private static final Pattern ADMIN = Pattern.compile("admin endpoint listening on (http://\\S+)");
    private static final Pattern FTP_DOOR = Pattern.compile("door ftp listening on \\S+:(\\d+)");
    private static final long SIZE = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void aRunningDownloadFinishesIdleSessionsGet421AndTheProcessExitsZero() throws Exception {
        Path pub = Files.createDirectories(dir.resolve("pub"));
        try (RandomAccessFile big = new RandomAccessFile(pub.resolve("big.bin").toFile(), "rw")) {
            big.setLength(SIZE);
        }
        Path conf = Files.writeString(dir.resolve("server.conf"), String.join("\n",
                "control.interface = 127.0.0.1", "admin.port = 0", "ftp.port = 0",
                "anonymous.enabled = true", "anonymous.root = " + pub, "shutdown.grace-period = 60", ""));
        Path log = dir.resolve("wharf.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.wharf.server.Main", "-c", conf.toString(), "-l", log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile()).start();
        try {
            String text = awaitReady(process, log);
            Matcher admin = ADMIN.matcher(text);
            Matcher ftp = FTP_DOOR.matcher(text);
            assertTrue(admin.find() && ftp.find(), text);
            int port = Integer.parseInt(ftp.group(1));

            FTPClient busy = login(port);
            InputStream download = busy.retrieveFileStream("big.bin");
            byte[] buf = new byte[1 << 20];
            long read = download.readNBytes(buf, 0, buf.length);
            FTPClient idle = login(port);

            process.destroy(); // SIGTERM, while the download is far from done

            assertEquals(421, nextReply(idle), "an idle session is told, not just dropped: " + idle.getReplyString());
            assertEquals(503, status(admin.group(1) + "/readyz"), "not ready while draining");
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "no new sessions");
            for (int n; (n = download.read(buf)) > 0; ) {
                read += n;
            }
            download.close();
            assertEquals(SIZE, read, "the running download completes");
            assertTrue(busy.completePendingCommand(), "226 after the transfer: " + busy.getReplyString());
            assertEquals(421, nextReply(busy), "then 421: " + busy.getReplyString());

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop after the drain");
            assertEquals(0, process.exitValue(), "a clean stop exits 0; log: " + Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }

    private static FTPClient login(int port) throws IOException {
        FTPClient c = new FTPClient();
        c.setDefaultTimeout(20_000);
        c.connect("127.0.0.1", port);
        c.setSoTimeout(20_000);
        assertTrue(c.login("anonymous", "test@example.org"), c.getReplyString());
        c.setFileType(FTP.BINARY_FILE_TYPE);
        c.enterLocalPassiveMode();
        return c;
    }

    /** The next unsolicited reply; commons-net reports a 421 by throwing after it has recorded the code. */
    private static int nextReply(FTPClient c) throws IOException {
        try {
            return c.getReply();
        } catch (FTPConnectionClosedException closed) {
            return c.getReplyCode();
        }
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String awaitReady(Process process, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(" ready (")) {
                return text;
            }
            assertTrue(process.isAlive(), "server exited early: " + text);
            Thread.sleep(100);
        }
        throw new AssertionError("never became ready: " + Files.readString(log));
    }
}
