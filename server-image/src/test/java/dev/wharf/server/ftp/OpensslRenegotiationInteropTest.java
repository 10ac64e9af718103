package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL's s_client, connected to the implicit-TLS door with TLS 1.2, renegotiates on its 'R' command:
 * the server refuses with a handshake alert and s_client ends; the door serves the next client.
 */
@Tag("interop")
class OpensslRenegotiationInteropTest {

    @TempDir Path tmp;

    @Test
    void opensslRenegotiationIsRefused() throws Exception {
        try (FtpTestServer server = FtpTestServer.startImplicit(tmp, Map.of())) {
            Path out = tmp.resolve("s_client.out");
            Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                    "-tls1_2", "-crlf").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                waitFor(out, "220 ", 15);
                OutputStream stdin = client.getOutputStream();
                stdin.write("R\n".getBytes(StandardCharsets.US_ASCII));
                stdin.flush();
                assertTrue(client.waitFor(15, TimeUnit.SECONDS), "s_client still connected after renegotiating:\n"
                        + Files.readString(out));
                String text = Files.readString(out);
                assertTrue(text.contains("RENEGOTIATING") && text.contains("handshake failure"), text);
            } finally {
                client.destroyForcibly();
            }
            TlsRenegotiationTest.tls12(server.port()).close(); // the door still completes handshakes
        }
    }

    private static void waitFor(Path out, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(out).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' from s_client:\n" + Files.readString(out));
            }
            Thread.sleep(100);
        }
    }
}
