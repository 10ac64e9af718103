package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and abuse get a clear answer, and the server keeps serving the next client. */
class FtpLimitsTest {

    @TempDir Path tmp;

    static void stillServes(FtpTestServer server) throws Exception {
        try (RawFtp ok = new RawFtp(server.port())) {
            ok.login();
            RawFtp.expect(257, ok.command("PWD"));
        }
    }

    @Test
    void clientsOutsideAllowedSubnetsGet421() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("net.allowed-subnets", "10.0.0.0/8 2001:db8::/32"));
             RawFtp raw = new RawFtp(server.port())) {
            RawFtp.expect(421, raw.reply());
            assertTrue(raw.closedByServer());
            assertEquals(1, server.metrics().get("login:ftp:refused"));
        }
        try (FtpTestServer server = FtpTestServer.start(tmp.resolve("b"), Map.of("net.allowed-subnets", "10.0.0.0/8, 127.0.0.0/8"))) {
            stillServes(server);
        }
    }

    @Test
    void connectionsBeyondTheLimitGet421() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("limits.clients", "2"));
             RawFtp a = new RawFtp(server.port());
             RawFtp b = new RawFtp(server.port())) {
            RawFtp.expect(220, a.reply());
            RawFtp.expect(220, b.reply());
            try (RawFtp c = new RawFtp(server.port())) {
                RawFtp.expect(421, c.reply());
                assertTrue(c.closedByServer());
            }
            a.close();
            long deadline = System.currentTimeMillis() + 5000;
            while (server.door().openConnections() > 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            try (RawFtp d = new RawFtp(server.port())) {
                d.login();
            }
        }
    }

    /**
     * Issue 15: connections that never log in and trickle a byte now and then (each byte resets the
     * idle timer) held every slot, and a real client got 421. Now one address holds at most
     * limits.clients-per-address of them, the grace time closes them, and a logged-in session's slot
     * was never theirs to take.
     */
    @Test
    void strangersTricklingBytesCannotLockOutALogin() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("limits.clients", "8",
                "limits.clients-per-address", "4", "limits.login-grace", "2"));
             RawFtp early = new RawFtp(server.port())) {
            early.login();
            java.util.List<java.net.Socket> strangers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    java.net.Socket s = new java.net.Socket();
                    s.bind(new java.net.InetSocketAddress("127.0.0.3", 0));
                    s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                    strangers.add(s);
                }
                for (int second = 0; second < 3; second++) { // past the grace time, a byte a second
                    for (java.net.Socket s : strangers) {
                        try {
                            s.getOutputStream().write('N');
                        } catch (java.io.IOException closedByServer) {
                            // refused or out of grace
                        }
                    }
                    Thread.sleep(1000);
                }
                try (RawFtp late = new RawFtp(server.port())) {
                    late.login(); // a real client from another address is served
                    RawFtp.expect(257, late.command("PWD"));
                }
                RawFtp.expect(257, early.command("PWD")); // and the early one still is
                assertEquals(12, server.metrics().get("login:ftp:refused"),
                        "8 strangers over the per-address limit, 4 out of grace: " + server.metrics());
            } finally {
                for (java.net.Socket s : strangers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void idleSessionsGet421() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("limits.idle-timeout", "1"));
             RawFtp raw = new RawFtp(server.port())) {
            raw.login();
            long start = System.nanoTime();
            RawFtp.expect(421, raw.reply());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "closed long after the 1 s timeout");
            assertTrue(raw.closedByServer());
            stillServes(server);
        }
    }

    @Test
    void overlongLinesAreRefusedAndTheConnectionKeepsWorking() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            raw.login();
            // 1 MiB without a line end is discarded as it arrives, not buffered
            byte[] junk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            raw.sendRaw(junk);
            raw.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            RawFtp.expect(500, raw.reply());
            RawFtp.expect(257, raw.command("PWD"));
            raw.send("STOR " + "x".repeat(9000));
            RawFtp.expect(500, raw.reply());
            RawFtp.expect(200, raw.command("NOOP"));
        }
    }

    @Test
    void garbageAndTlsGarbageOnTheControlChannel() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            try (RawFtp raw = new RawFtp(server.port())) {
                RawFtp.expect(220, raw.reply());
                byte[] noise = new byte[4000];
                new Random(1).nextBytes(noise);
                for (int i = 0; i < noise.length; i++) {
                    if (noise[i] == '\n' || noise[i] == '\r') {
                        noise[i] = 'x';
                    }
                }
                raw.sendRaw(noise);
                raw.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
                String r = raw.reply();
                assertTrue(r.startsWith("500") || r.startsWith("530"), r);
                RawFtp.expect(200, raw.command("NOOP"));
            }
            // a TLS ClientHello sent to the plain door before AUTH TLS
            try (RawFtp raw = new RawFtp(server.port())) {
                RawFtp.expect(220, raw.reply());
                raw.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03,
                    0x0a, '\n'});
                String r = raw.reply();
                assertTrue(r == null || r.startsWith("500"), r);
            }
            // TLS garbage after AUTH TLS: the handshake fails and only this connection closes
            try (RawFtp raw = new RawFtp(server.port())) {
                RawFtp.expect(220, raw.reply());
                RawFtp.expect(234, raw.command("AUTH TLS"));
                raw.sendRaw("this is not a TLS record\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(raw.closedByServer());
            }
            stillServes(server);
        }
    }

    @Test
    void telnetInterruptBeforeAborIsIgnored() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            raw.login();
            raw.sendRaw(new byte[] {(byte) 0xff, (byte) 0xf4, (byte) 0xff, (byte) 0xf2, 'A', 'B', 'O', 'R', '\r', '\n'});
            RawFtp.expect(226, raw.reply());
        }
    }
}
