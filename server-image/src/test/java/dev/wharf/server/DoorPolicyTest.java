package dev.wharf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.gsi.GsiSettings;
import dev.wharf.server.gsi.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every door of {@link DoorTable} and proves the connection policy (net.DoorFront) holds for it
 * over real sockets from distinct 127.x source addresses: subnets, PROXY from trusted peers only,
 * the client limits and the login grace. A door added to the table without the policy fails here.
 * Observations are door-neutral: the server closes the connection (whatever it says first), and
 * {@code wharf_connections_total{door,result}} names why.
 */
class DoorPolicyTest {

    @TempDir
    static Path tmp;
    static Map<String, String> base;
    static Map<String, String> gsiKeys;
    /** Doors that need a host credential and trust anchors to start. */
    static final java.util.Set<String> GSI_DOORS = java.util.Set.of("gridftp", "gsidcap", "srm");

    @BeforeAll
    static void pki() throws Exception {
        TestPki pki = TestPki.create(Files.createDirectories(tmp.resolve("certificates")));
        GsiSettings gsi = pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3"));
        base = Map.of("admin.port", "0", "storage.root", Files.createDirectories(tmp.resolve("root")).toString());
        gsiKeys = Map.of("gsi.host-certificate", gsi.hostCertificate().toString(), "gsi.host-key", gsi.hostKey().toString(),
                "gsi.cert-dir", pki.certDir().toString());
    }

    static Stream<String> doors() {
        return DoorTable.KINDS.stream().map(DoorKind::name);
    }

    /** Only {@code door} runs, on an ephemeral port, with {@code keys}. */
    static WharfServer start(String door, Map<String, String> keys) throws Exception {
        Map<String, String> values = new HashMap<>(base);
        for (DoorKind<?> kind : DoorTable.KINDS) {
            values.put(kind.enabledKey(), String.valueOf(kind.name().equals(door)));
        }
        values.put(door + ".port", "0");
        if (GSI_DOORS.contains(door)) {
            values.putAll(gsiKeys);
        }
        values.putAll(keys);
        WharfServer server = WharfServer.create(ConfigFile.of(values));
        server.start();
        return server;
    }

    @ParameterizedTest
    @MethodSource("doors")
    void addressesOutsideTheAllowedSubnetsAreRefused(String door) throws Exception {
        try (Server s = new Server(door, Map.of("net.allowed-subnets", "127.0.0.9/32"))) {
            try (Socket refused = s.connectFrom("127.0.0.10")) {
                assertClosed(refused, door + " served 127.0.0.10 outside net.allowed-subnets");
            }
            s.awaitCount("subnet", 1);
            try (Socket allowed = s.connectFrom("127.0.0.9")) {
                s.awaitCount("admitted", 1);
                assertOpen(allowed);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("doors")
    void proxyHeadersGiveTheRealClientAndAreBelievedOnlyFromTrustedPeers(String door) throws Exception {
        try (Server s = new Server(door, Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "127.0.0.1/32",
                "net.allowed-subnets", "127.0.0.9/32"))) {
            try (Socket viaProxy = s.connectFrom("127.0.0.1")) {
                proxyV1(viaProxy, "127.0.0.9");
                s.awaitCount("admitted", 1);
                assertOpen(viaProxy);
            }
            try (Socket viaProxy = s.connectFrom("127.0.0.1")) {
                proxyV1(viaProxy, "127.0.0.10");
                assertClosed(viaProxy, door + " believed a header but admitted a refused real address");
                s.awaitCount("subnet", 1);
            }
            try (Socket untrusted = s.connectFrom("127.0.0.2")) {
                proxyV1(untrusted, "127.0.0.9");
                assertClosed(untrusted, door + " believed a PROXY header from a peer outside net.proxy-trusted");
                s.awaitCount("untrusted-proxy", 1);
            }
            assertEquals(1, s.count("admitted"));
        }
    }

    @ParameterizedTest
    @MethodSource("doors")
    void perAddressAndReservedSlotsHold(String door) throws Exception {
        try (Server s = new Server(door, Map.of("limits.clients", "4", "limits.reserved-for-authenticated", "1",
                "limits.clients-per-address", "2"))) {
            List<Socket> held = new ArrayList<>();
            try {
                held.add(s.connectFrom("127.0.0.3"));
                held.add(s.connectFrom("127.0.0.3"));
                s.awaitCount("admitted", 2);
                try (Socket third = s.connectFrom("127.0.0.3")) {
                    assertClosed(third, door + ": a third connection from one address with limits.clients-per-address = 2");
                    s.awaitCount("per-address", 1);
                }
                held.add(s.connectFrom("127.0.0.4"));
                s.awaitCount("admitted", 3);
                assertEquals(3, s.gauge("unauthenticated"), door + ": wharf_door_connections{state=unauthenticated}");
                try (Socket fourth = s.connectFrom("127.0.0.5")) {
                    assertClosed(fourth, door + ": the slot reserved for logged-in sessions went to a stranger");
                    s.awaitCount("unauthenticated", 1);
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("doors")
    void theClientLimitHolds(String door) throws Exception {
        try (Server s = new Server(door, Map.of("limits.clients", "1", "limits.reserved-for-authenticated", "0"))) {
            try (Socket first = s.connectFrom("127.0.0.3")) {
                s.awaitCount("admitted", 1);
                try (Socket second = s.connectFrom("127.0.0.4")) {
                    assertClosed(second, door + ": a second connection with limits.clients = 1");
                    s.awaitCount("limit", 1);
                }
                assertOpen(first);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("doors")
    void connectionsThatNeverLogInAreClosedAfterTheGraceTime(String door) throws Exception {
        try (Server s = new Server(door, Map.of("limits.login-grace", "1"))) {
            long start = System.nanoTime();
            try (Socket idler = s.connectFrom("127.0.0.3")) {
                s.awaitCount("admitted", 1);
                if (!door.equals("ftps") && !door.equals("srm")) { // bytes that are no TLS record end ftps/httpg at once
                    for (int i = 0; i < 10 && !s.hasCount("login-grace"); i++) { // traffic resets only the idle timer
                        idler.getOutputStream().write(' ');
                        Thread.sleep(200);
                    }
                }
                assertClosed(idler, door + " kept a connection that never logged in past limits.login-grace");
                assertTrue(System.nanoTime() - start >= 900_000_000L, "closed before the grace time");
                s.awaitCount("login-grace", 1);
            }
        }
    }

    static void proxyV1(Socket socket, String client) throws IOException {
        socket.getOutputStream().write(("PROXY TCP4 " + client + " 127.0.0.1 40000 " + socket.getPort() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The server closes the connection within 5 s (after whatever words its protocol has). */
    static void assertClosed(Socket socket, String message) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        try {
            while (in.read(buffer) >= 0) {
                // a 421 line on FTP doors, nothing on dCap
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(message);
        } catch (IOException reset) {
            // closed too
        }
    }

    /** Still open 300 ms later (a greeting may arrive; the end of the stream may not). */
    static void assertOpen(Socket socket) throws IOException {
        socket.setSoTimeout(300);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[512];
        try {
            while (true) {
                assertFalse(in.read(buffer) < 0, "the admitted connection was closed");
            }
        } catch (SocketTimeoutException expected) {
            // open
        }
    }

    /** One door of a running server and its counts. */
    static final class Server implements AutoCloseable {
        private final WharfServer server;
        private final String door;

        Server(String door, Map<String, String> keys) throws Exception {
            this.door = door;
            this.server = start(door, keys);
        }

        Socket connectFrom(String source) throws IOException {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.doors().get(0).localAddress().getPort()), 5000);
            return socket;
        }

        int count(String result) {
            Matcher m = Pattern.compile("wharf_connections_total\\{door=\"" + door + "\",result=\"" + result
                    + "\"[^}]*} ([0-9.]+)").matcher(server.metrics().scrape());
            return m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
        }

        int gauge(String state) {
            Matcher m = Pattern.compile("wharf_door_connections\\{door=\"" + door + "\",state=\"" + state
                    + "\"[^}]*} ([0-9.]+)").matcher(server.metrics().scrape());
            return m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
        }

        boolean hasCount(String result) {
            return count(result) > 0;
        }

        void awaitCount(String result, int expected) throws InterruptedException {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (count(result) < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(expected, count(result), door + ": wharf_connections_total{result=" + result + "}");
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
