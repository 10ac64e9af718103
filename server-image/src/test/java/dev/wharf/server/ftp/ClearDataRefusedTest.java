package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §3: after {@code PROT P} a data connection that never completes a TLS handshake is never read into
 * a file. A plain client connects to the PASV port and sends bytes in clear, before the STOR (so they arrive
 * before the server could add TLS) and after its 150; on both TLS doors, repeated to catch the race that kept
 * them as the file with 226 in up to half of the tries. Every try must fail with 425/426 (never 451 from a
 * stack trace), count as a failed or aborted upload, and leave no file.
 */
class ClearDataRefusedTest {

    static final int TRIES = 12;
    static final byte[] CLEAR = "clear text that must never become a file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir Path tmp;

    @Test
    void explicitDoor() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            refusesClearUploads(server, false, "ftp");
        }
    }

    @Test
    void implicitDoor() throws Exception {
        try (FtpTestServer server = FtpTestServer.startImplicit(tmp, Map.of())) {
            refusesClearUploads(server, true, "ftps");
        }
    }

    private static void refusesClearUploads(FtpTestServer server, boolean implicit, String door) throws Exception {
        FTPSClient c = FtpsTest.client(implicit);
        c.connect("127.0.0.1", server.port());
        try {
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            c.execPBSZ(0);
            assertEquals(200, c.sendCommand("PROT P"));
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < TRIES; i++) {
                for (boolean beforeStor : new boolean[] {true, false}) {
                    String name = "x-" + i + "-" + beforeStor + ".txt";
                    int reply = clearUpload(c, name, beforeStor);
                    if (reply != 425 && reply != 426 || Files.exists(server.root().resolve(name))) {
                        kept.add(name + ": " + c.getReplyString().strip());
                    }
                }
            }
            assertTrue(kept.isEmpty(), "clear data accepted on a PROT P session: " + kept);
            long refused = server.metrics().get("transfer:" + door + ":IN:failed")
                    + server.metrics().get("transfer:" + door + ":IN:aborted");
            assertEquals(2L * TRIES, refused, server.metrics().toString());
            assertEquals(0, server.metrics().get("transfer:" + door + ":IN:completed"));
            assertEquals(200, c.sendCommand("NOOP"), "the session goes on");
        } finally {
            c.disconnect();
        }
    }

    /** PASV, STOR and a plain data connection sending {@link #CLEAR}; returns the upload's final reply code. */
    private static int clearUpload(FTPSClient c, String name, boolean beforeStor) throws IOException {
        assertEquals(227, c.sendCommand("PASV"));
        InetSocketAddress data = passiveAddress(c.getReplyString());
        if (beforeStor) {
            sendClear(data);
        }
        int first = c.sendCommand("STOR " + name);
        if (first != 150) {
            return first;
        }
        if (!beforeStor) {
            sendClear(data);
        }
        return c.getReply();
    }

    private static void sendClear(InetSocketAddress address) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 5000);
            OutputStream out = s.getOutputStream();
            out.write(CLEAR);
            out.flush();
            s.shutdownOutput(); // a FIN after the bytes: in MODE S the end of the file
        }
    }

    private static InetSocketAddress passiveAddress(String reply) throws IOException {
        Matcher m = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)").matcher(reply);
        if (!m.find()) {
            throw new IOException("bad PASV reply " + reply);
        }
        return new InetSocketAddress(m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4),
                Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
    }
}
