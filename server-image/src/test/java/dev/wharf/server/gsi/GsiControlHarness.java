package dev.wharf.server.gsi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Just enough of an RFC 2228 control channel to put a real Globus client through AUTH GSSAPI / ADAT with
 * {@link GsiAcceptor} and one protected command: it answers the first ENC/MIC command with a wrapped
 * {@code 530} so the client stops and shows our text (proving both directions of wrap). Test code, one
 * connection, loopback only; the real door is the gsiftp door's job.
 */
final class GsiControlHarness implements AutoCloseable {

    static final String REFUSAL = "530 Wharf GSI harness stops here";

    private final ServerSocket server;
    private final GsiService service;
    private final Thread thread;
    final List<String> unwrappedCommands = new CopyOnWriteArrayList<>();
    final List<String> conversation = new CopyOnWriteArrayList<>();
    final AtomicReference<GsiAcceptor> acceptor = new AtomicReference<>();
    final AtomicReference<Exception> failure = new AtomicReference<>();

    GsiControlHarness(GsiService service) throws IOException {
        this.service = service;
        this.server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        this.thread = new Thread(this::serveOne, "gsi-harness");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serveOne() {
        try (Socket s = server.accept()) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            send(out, "220 Wharf GSI harness ready");
            GsiAcceptor context = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                conversation.add("C: " + (line.length() > 60 ? line.substring(0, 60) + "..." : line));
                String verb = line.split(" ", 2)[0].toUpperCase();
                String arg = line.contains(" ") ? line.substring(line.indexOf(' ') + 1).strip() : "";
                switch (verb) {
                    case "AUTH" -> {
                        context = service.newAcceptor();
                        acceptor.set(context);
                        send(out, "334 ADAT must follow");
                    }
                    case "ADAT" -> {
                        try {
                            byte[] reply = context.accept(ProtectedMessages.decodeToken(arg));
                            String b64 = ProtectedMessages.encodeToken(reply);
                            if (context.isEstablished()) {
                                send(out, reply.length == 0 ? "235 GSSAPI Authentication successful." : "235 ADAT=" + b64);
                            } else {
                                send(out, "335 ADAT=" + b64);
                            }
                        } catch (GsiAuthenticationException e) {
                            failure.set(e);
                            send(out, "535 " + e.getMessage());
                            return;
                        }
                    }
                    case "ENC", "MIC", "CONF" -> {
                        unwrappedCommands.add(ProtectedMessages.unwrapCommand(context, arg));
                        for (String reply : ProtectedMessages.wrapReply(context,
                                ProtectedMessages.Protection.forVerb(verb), REFUSAL)) {
                            send(out, reply);
                        }
                        return;
                    }
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    default -> send(out, "530 Please authenticate with AUTH GSSAPI first");
                }
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private void send(OutputStream out, String reply) throws IOException {
        conversation.add("S: " + (reply.length() > 60 ? reply.substring(0, 60) + "..." : reply));
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void join() throws InterruptedException {
        thread.join(30_000);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
