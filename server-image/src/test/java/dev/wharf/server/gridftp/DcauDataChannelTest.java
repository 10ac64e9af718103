package dev.wharf.server.gridftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.RawFtp;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DCAU and PROT on the gsiftp door's data channels, with a Java GSI peer on our side: the commands' replies,
 * DCAU A (the default) with PROT C and P in both directions and both connection modes (PASV: we initiate;
 * PORT: the server initiates with the delegated credential), DCAU S, and refusals of a peer that is not
 * who DCAU names: 425, one log line, no data out, nothing kept of an upload.
 */
class DcauDataChannelTest {

    static final String MALLORY = "/C=XX/O=Wharf Test/OU=People/CN=Mallory";

    @TempDir
    static Path tmp;
    static GridFtpTestServer server;
    static Credential jane;
    static Credential mallory;
    static byte[] content;

    @BeforeAll
    static void start() throws Exception {
        server = new GridFtpTestServer(tmp);
        jane = TestPki.proxy(server.pki().user(), ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1));
        mallory = TestPki.proxy(server.pki().issueUser(MALLORY, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(2))), ProxyKind.RFC_IMPERSONATION, Duration.ofHours(1));
        content = new byte[700_000];
        new Random(5).nextBytes(content);
        Files.write(server.root().resolve("data.bin"), content);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static GsiFtpControl login() throws Exception {
        GsiFtpControl c = GsiFtpControl.login(server.port(), server.pki().user(), server.gsi().validator());
        expect(200, c.command("TYPE I"));
        return c;
    }

    private static void port(GsiFtpControl c, int port) throws Exception {
        expect(200, c.command("PORT 127,0,0,1," + (port >> 8) + "," + (port & 0xff)));
    }

    @Test
    void commandsRepliesAndOrder() throws Exception {
        try (RawFtp ftp = new RawFtp(server.port())) {
            expect(220, ftp.reply());
            expect(530, ftp.command("DCAU A")); // not logged in
        }
        try (GsiFtpControl c = login()) {
            String feat = c.command("FEAT");
            assertTrue(feat.contains("\n DCAU") && feat.contains(" PBSZ") && feat.contains(" PROT"), feat);
            expect(501, c.command("DCAU"));
            expect(501, c.command("DCAU S"));
            expect(501, c.command("DCAU A /C=XX"));
            expect(504, c.command("DCAU X"));
            expect(503, c.command("PROT P")); // PBSZ first
            assertEquals("200 PBSZ=1048576", c.command("PBSZ 1048576"));
            expect(536, c.command("PROT E"));
            expect(504, c.command("PROT Q"));
            expect(200, c.command("DCAU N"));
            expect(503, c.command("PROT P")); // protection needs authentication
            assertEquals("200 DCAU A.", c.command("DCAU A"));
            assertEquals("200 Protection level set to P.", c.command("PROT P"));
            expect(503, c.command("DCAU N")); // not while PROT P
            expect(200, c.command("PROT S"));
            expect(200, c.command("PROT C"));
            expect(200, c.command("DCAU S " + MALLORY));
            expect(200, c.command("DCAU N"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "P", "S"})
    void passiveDownloadAndUploadUnderDcauA(String prot) throws Exception {
        boolean tls = !prot.equals("C");
        try (GsiFtpControl c = login()) {
            expect(200, c.command("PBSZ 1048576"));
            expect(200, c.command("PROT " + prot));
            var address = c.passive();
            expect(150, c.command("RETR data.bin"));
            try (DcauTestPeer.Connection data = DcauTestPeer.connect(address, jane, server.gsi().validator(), tls)) {
                // The server presents the proxy the client delegated: the user's own identity ("self").
                assertEquals(TestPki.USER_DN, data.serverIdentity());
                assertArrayEquals(content, data.readAll());
            }
            expect(226, c.reply());

            address = c.passive();
            expect(150, c.command("STOR up-" + prot + ".bin"));
            DcauTestPeer.connect(address, jane, server.gsi().validator(), tls).sendAndClose(content);
            expect(226, c.reply());
            assertArrayEquals(content, Files.readAllBytes(server.root().resolve("up-" + prot + ".bin")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "P"})
    void activeModeTheServerInitiatesWithTheDelegatedCredential(String prot) throws Exception {
        boolean tls = prot.equals("P");
        try (GsiFtpControl c = login(); ServerSocket listener = new ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            expect(200, c.command("PBSZ 1048576"));
            expect(200, c.command("PROT " + prot));
            port(c, listener.getLocalPort());
            expect(150, c.command("RETR data.bin"));
            try (DcauTestPeer.Connection data = DcauTestPeer.accept(listener, jane, server.gsi().validator(), tls)) {
                assertEquals(TestPki.USER_DN, data.serverIdentity());
                assertArrayEquals(content, data.readAll());
            }
            expect(226, c.reply());

            port(c, listener.getLocalPort());
            expect(150, c.command("STOR active-" + prot + ".bin"));
            DcauTestPeer.accept(listener, jane, server.gsi().validator(), tls).sendAndClose(content);
            expect(226, c.reply());
            assertArrayEquals(content, Files.readAllBytes(server.root().resolve("active-" + prot + ".bin")));
        }
    }

    @Test
    void dcauSAcceptsTheNamedSubject() throws Exception {
        try (GsiFtpControl c = login()) {
            expect(200, c.command("DCAU S " + MALLORY));
            var address = c.passive();
            expect(150, c.command("RETR data.bin"));
            try (DcauTestPeer.Connection data = DcauTestPeer.connect(address, mallory, server.gsi().validator(), false)) {
                assertArrayEquals(content, data.readAll());
            }
            expect(226, c.reply());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "P"})
    void aDataPeerThatIsNotTheSessionUserIsRefused(String prot) throws Exception {
        boolean tls = prot.equals("P");
        try (GsiFtpControl c = login()) {
            expect(200, c.command("PBSZ 1048576"));
            expect(200, c.command("PROT " + prot));
            var address = c.passive();
            expect(150, c.command("RETR data.bin"));
            CompletableFuture<byte[]> stolen = CompletableFuture.supplyAsync(() -> {
                try (DcauTestPeer.Connection data = DcauTestPeer.connect(address, mallory, server.gsi().validator(), tls)) {
                    return data.readAll();
                } catch (Exception e) {
                    return new byte[0];
                }
            });
            String reply = c.reply();
            expect(425, reply);
            assertTrue(reply.contains("DCAU: data connection peer " + MALLORY + " is not " + TestPki.USER_DN), reply);
            assertEquals(0, stolen.get(10, TimeUnit.SECONDS).length, "data reached a refused peer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "P"})
    void anUploadFromAWrongSubjectKeepsNothing(String prot) throws Exception {
        boolean tls = prot.equals("P");
        try (GsiFtpControl c = login()) {
            expect(200, c.command("PBSZ 1048576"));
            expect(200, c.command("PROT " + prot));
            expect(200, c.command("DCAU S /C=XX/O=Wharf Test/OU=People/CN=Somebody Else"));
            var address = c.passive();
            expect(150, c.command("STOR refused-" + prot + ".bin"));
            if (tls) {
                assertThrows(Exception.class, () -> DcauTestPeer.connect(address, jane, server.gsi().validator(), true)
                        .sendAndClose(content));
            } else {
                try {
                    DcauTestPeer.connect(address, jane, server.gsi().validator(), false).sendAndClose(content);
                } catch (Exception expected) {
                    // the alert may end our side's handshake, or arrive after it
                }
            }
            String reply = c.reply();
            expect(425, reply);
            assertTrue(reply.contains("is not /C=XX/O=Wharf Test/OU=People/CN=Somebody Else"), reply);
            assertFalse(Files.exists(server.root().resolve("refused-" + prot + ".bin")), "a refused upload was kept");
            expect(200, c.command("NOOP")); // the session goes on
        }
    }

    @Test
    void aModeEStreamFromAnotherUserFailsTheUpload() throws Exception {
        try (GsiFtpControl c = login()) {
            expect(200, c.command("MODE E"));
            var data = c.passive();
            String started = c.command("STOR modee-refused.bin"); // 125: the stream is already connected
            assertTrue(started.startsWith("125") || started.startsWith("150"), started);
            try (DcauTestPeer.Connection ignored = DcauTestPeer.connect(data, mallory, server.gsi().validator(), false)) {
                // refused by the server during the handshake
            } catch (Exception expected) {
                // the alert may end our side's handshake
            }
            String reply = c.reply();
            assertTrue(reply.startsWith("4"), reply);
            assertTrue(reply.contains("DCAU"), reply);
            assertFalse(Files.exists(server.root().resolve("modee-refused.bin")), "a refused upload was kept");
        }
    }

    @Test
    void aModeEDownloadToAnotherUsersListenerSendsNothing() throws Exception {
        try (GsiFtpControl c = login(); ServerSocket listener = new ServerSocket(0, 4, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            expect(200, c.command("MODE E"));
            expect(200, c.command("OPTS RETR Parallelism=2,2,2;"));
            port(c, listener.getLocalPort());
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
                int bytes = 0;
                for (int i = 0; i < 2; i++) {
                    try (DcauTestPeer.Connection data = DcauTestPeer.accept(listener, mallory, server.gsi().validator(), false)) {
                        bytes += data.readAll().length;
                    } catch (Exception refused) {
                        // the server, as initiator, refuses Mallory during the handshake
                    }
                }
                return bytes;
            });
            expect(150, c.command("RETR data.bin"));
            String reply = c.reply();
            assertTrue(reply.startsWith("4") && reply.contains("DCAU"), reply);
            assertEquals(0, received.get(30, TimeUnit.SECONDS), "data reached a refused peer");
        }
    }
}
