package dev.wharf.server.srm;

import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiInitiator;
import dev.wharf.server.gsi.GsiTls;
import dev.wharf.server.gsi.GsiTrustManager;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TrustAnchorDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java httpg client for door tests that gfal2 cannot drive (malformed envelopes, oversized bodies,
 * delegation): the GSI handshake with {@link GsiInitiator} over a socket, then HTTP wrapped in it, as
 * CGSI-gSOAP does. One connection, calls in turn.
 */
public final class HttpgTestClient implements AutoCloseable {

    /** One HTTP answer; {@code closed} when the server ended the connection after it. */
    public record Answer(int status, String body) {}

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    private final Socket socket;
    private final InputStream in;
    private final GsiInitiator gsi;
    private byte[] plain = new byte[0];

    private HttpgTestClient(int port, TestPki pki, TestPki.Credential user, boolean delegate) throws Exception {
        ChainValidator validator = new ChainValidator(new TrustAnchorDirectory(pki.certDir()));
        GsiInitiator.ProxySigner signer = !delegate ? null : key -> TestPki.signProxy(user, key,
                TestPki.ProxyKind.RFC_IMPERSONATION, -1, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(1)));
        gsi = new GsiInitiator(GsiTls.clientEngine(GsiTls.context(user.key(), user.chain(), new GsiTrustManager(validator)),
                List.of("TLSv1.2", "TLSv1.3")), validator, GsiAcceptor.Mode.GSI, signer);
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        send(gsi.initToken(new byte[0]));
        while (!gsi.isEstablished()) {
            send(gsi.initToken(readSome()));
        }
    }

    public static HttpgTestClient connect(int port, TestPki pki, TestPki.Credential user, boolean delegate) throws Exception {
        return new HttpgTestClient(port, pki, user, delegate);
    }

    /** POSTs {@code body} to {@code path} and reads the whole answer. */
    public Answer post(String path, byte[] body) throws Exception {
        send(gsi.wrap(request(path, body)));
        return readAnswer();
    }

    /** Sends {@code count} POSTs at once, then reads answers until the server closes; returns how many came. */
    public int pipelineUntilClosed(String path, byte[] body, int count) throws Exception {
        byte[] one = request(path, body);
        byte[] all = new byte[one.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        send(gsi.wrap(all));
        int answers = 0;
        try {
            while (answers < count) {
                readAnswer();
                answers++;
            }
        } catch (IOException e) {
            // the server closed the connection
        }
        return answers;
    }

    private static byte[] request(String path, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: keep-alive\r\nSOAPAction: \"\"\r\n\r\n";
        byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
        System.arraycopy(body, 0, request, head.length(), body.length);
        return request;
    }

    /** Sends raw plaintext inside the context (for broken HTTP). */
    public Answer sendRaw(String text) throws Exception {
        send(gsi.wrap(text.getBytes(StandardCharsets.US_ASCII)));
        return readAnswer();
    }

    /** Whether the server closed the connection (reads until end of stream or the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            socket.setSoTimeout(5_000);
            return in.read(new byte[4096]) < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private Answer readAnswer() throws Exception {
        while (true) {
            String text = new String(plain, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                Matcher length = LENGTH.matcher(text.substring(0, end));
                int size = length.find() ? Integer.parseInt(length.group(1)) : 0;
                if (plain.length >= end + 4 + size) {
                    Matcher status = STATUS.matcher(text);
                    if (!status.find()) {
                        throw new IOException("not an HTTP answer: " + text);
                    }
                    String body = new String(plain, end + 4, size, StandardCharsets.UTF_8);
                    plain = Arrays.copyOfRange(plain, end + 4 + size, plain.length);
                    return new Answer(Integer.parseInt(status.group(1)), body);
                }
            }
            byte[] more = gsi.unwrap(readSome());
            byte[] joined = Arrays.copyOf(plain, plain.length + more.length);
            System.arraycopy(more, 0, joined, plain.length, more.length);
            plain = joined;
        }
    }

    private byte[] readSome() throws IOException {
        byte[] buf = new byte[65536];
        int n = in.read(buf);
        if (n < 0) {
            throw new IOException("the server closed the connection");
        }
        return Arrays.copyOf(buf, n);
    }

    private void send(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

}
