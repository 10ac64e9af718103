package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that renegotiates TLS 1.2 on the control connection (the JDK client sends a new ClientHello on
 * a second startHandshake) is refused with a handshake alert; other clients are served as before. TLS 1.3
 * has no renegotiation.
 */
class TlsRenegotiationTest {

    @TempDir Path tmp;

    static SSLSocket tls12(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(null, new javax.net.ssl.TrustManager[] {TrustManagerUtils.getAcceptAllTrustManager()}, new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    static String command(SSLSocket socket, BufferedReader in, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return in.readLine();
    }

    @Test
    void clientInitiatedRenegotiationOnTheControlConnectionIsRefused() throws Exception {
        try (FtpTestServer server = FtpTestServer.startImplicit(tmp, Map.of())) {
            try (SSLSocket renegotiating = tls12(server.port())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(renegotiating.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("220", in.readLine().substring(0, 3));
                assertEquals("200", command(renegotiating, in, "NOOP").substring(0, 3));
                assertThrows(IOException.class, () -> {
                    renegotiating.startHandshake();
                    // the JDK may finish startHandshake before the server's alert arrives; the next read sees it
                    String reply = command(renegotiating, in, "NOOP");
                    if (reply != null) {
                        throw new AssertionError("renegotiated and got " + reply);
                    }
                    throw new IOException("closed");
                });
            }
            try (SSLSocket other = tls12(server.port())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("220", in.readLine().substring(0, 3));
                assertEquals("200", command(other, in, "NOOP").substring(0, 3));
            }
        }
    }
}
