package dev.wharf.server.acl;

import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiAcceptor;
import dev.wharf.server.gsi.GsiInitiator;
import dev.wharf.server.krb.GssInitiator;
import dev.wharf.server.gsi.GsiTls;
import dev.wharf.server.gsi.GsiTrustManager;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TestPki.Credential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * The gsidcap tunnel as libdcap's libgsiTunnel speaks it, with the Java GSS initiator: every line
 * both ways is {@code enc <base64>}, first the handshake tokens (no delegation), then wrapped pieces
 * of the plain dCap conversation.
 */
final class GsiTunnelLines implements DcapDoorClient.Lines {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final GssInitiator initiator;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> lines = new ArrayDeque<>();

    private GsiTunnelLines(Socket socket, GssInitiator initiator) throws IOException {
        this.socket = socket;
        this.initiator = initiator;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = socket.getOutputStream();
    }

    /** Connects and authenticates a proxy of {@code user}. */
    static GsiTunnelLines connect(int port, Credential user, ChainValidator validator) throws Exception {
        Credential proxy = TestPki.proxy(user, TestPki.ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1));
        GsiInitiator initiator = new GsiInitiator(GsiTls.clientEngine(GsiTls.context(proxy.key(), proxy.chain(),
                new GsiTrustManager(validator)), List.of("TLSv1.3")), validator, GsiAcceptor.Mode.GSI, null);
        return connect(port, GssInitiator.of(initiator));
    }

    /** Connects and authenticates with {@code initiator}: the tunnel is the same for GSI and Kerberos (krbdcap). */
    static GsiTunnelLines connect(int port, GssInitiator initiator) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(15_000);
        GsiTunnelLines tunnel = new GsiTunnelLines(socket, initiator);
        try {
            byte[] token = initiator.initToken(new byte[0]);
            while (true) {
                tunnel.sendToken(token);
                if (initiator.isEstablished()) {
                    return tunnel;
                }
                token = initiator.initToken(tunnel.receiveToken());
                if (initiator.isEstablished() && token.length == 0) {
                    return tunnel;
                }
            }
        } catch (Exception | AssertionError e) {
            socket.close();
            throw e;
        }
    }

    private void sendToken(byte[] token) throws IOException {
        out.write(("enc " + Base64.getEncoder().encodeToString(token) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private byte[] receiveToken() throws IOException {
        String line = in.readLine();
        if (line == null || !line.startsWith("enc ")) {
            throw new IOException("gsidcap tunnel: expected an enc line, got " + line);
        }
        return Base64.getDecoder().decode(line.substring(4).strip());
    }

    @Override
    public void send(String line) throws Exception {
        sendToken(initiator.wrap((line + "\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The next plain line; a wrapped token may hold several lines, part of one, or nothing. */
    @Override
    public String receive() throws Exception {
        while (lines.isEmpty()) {
            partial.append(new String(initiator.unwrap(receiveToken()), StandardCharsets.ISO_8859_1));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                lines.add(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }
        return lines.poll();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
