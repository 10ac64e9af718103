package dev.wharf.server.gridftp;

import static dev.wharf.server.ftp.RawFtp.expect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.RawFtp;
import dev.wharf.server.gsi.ChainValidator;
import dev.wharf.server.gsi.GsiInitiator;
import dev.wharf.server.gsi.ProtectedMessages;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.gsi.TestPki.Credential;
import dev.wharf.server.gsi.TestPki.ProxyKind;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gsiftp door's control channel with the Java GSS initiator, the way globus-url-copy drives it:
 * AUTH GSSAPI, ADAT round trips, then ENC-wrapped commands answered with 632 replies, a GSI login,
 * and a stream-mode download and upload over a clear data channel (DCAU N; DCAU itself: DcauDataChannelTest).
 */
class GridFtpControlTest {

    @TempDir
    static Path tmp;
    static GridFtpTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new GridFtpTestServer(tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static GsiInitiator initiator(Credential c, ChainValidator validator) throws Exception {
        return GsiFtpControl.initiator(c, validator);
    }

    private static ChainValidator validator() throws Exception {
        return server.gsi().validator();
    }

    /** AUTH GSSAPI and the ADAT exchange; returns the final reply. */
    private static String authenticate(RawFtp ftp, GsiInitiator initiator) throws Exception {
        return new GsiFtpControl(ftp, initiator).authenticate();
    }

    /** Sends {@code line} in ENC and returns the unwrapped reply text (all 632 parts). */
    private static String enc(RawFtp ftp, GsiInitiator initiator, String line) throws Exception {
        return new GsiFtpControl(ftp, initiator).command(line);
    }

    private static String unwrapReply(RawFtp ftp, GsiInitiator initiator) throws Exception {
        return new GsiFtpControl(ftp, initiator).reply();
    }

    private static RawFtp connect() throws Exception {
        RawFtp ftp = new RawFtp(server.port());
        expect(220, ftp.reply());
        return ftp;
    }

    private static GsiInitiator loggedIn(RawFtp ftp) throws Exception {
        GsiInitiator initiator = initiator(TestPki.proxy(server.pki().user(), ProxyKind.RFC_IMPERSONATION,
                Duration.ofHours(1)), validator());
        assertTrue(authenticate(ftp, initiator).startsWith("235"));
        expect(200, enc(ftp, initiator, "SITE CLIENTINFO appname=\"test\";appver=\"1\";"));
        expect(331, enc(ftp, initiator, "USER :globus-mapping:"));
        expect(230, enc(ftp, initiator, "PASS dummy"));
        return initiator;
    }

    @Test
    void authAdatEncLoginAndTheProtectedParameterCommands() throws Exception {
        try (RawFtp ftp = connect()) {
            expect(530, ftp.command("USER alice"));
            expect(504, ftp.command("AUTH TLS"));
            expect(503, ftp.command("ADAT AAAA"));
            GsiInitiator initiator = loggedIn(ftp);
            ftp.send("PWD"); // clear after 235: refused, and the refusal is wrapped like every reply now
            expect(530, unwrapReply(ftp, initiator));
            String pwd = enc(ftp, initiator, "PWD");
            assertTrue(pwd.startsWith("257 \"/\""), pwd);
            String feat = enc(ftp, initiator, "FEAT");
            assertTrue(feat.startsWith("211-") && feat.contains(" AUTH GSSAPI") && feat.contains(" PBSZ"), feat);
            assertTrue(feat.contains(" DCAU"), feat);
            assertFalse(feat.contains("AUTH TLS"), feat);
            assertTrue(feat.contains(" PARALLEL") && feat.contains(" SPAS") && feat.contains(" ERET"), feat);
            assertTrue(enc(ftp, initiator, "SITE HELP").startsWith("214"));
            // RFC 2228: a size the server will not take is answered with the one it will, not refused
            assertEquals("200 PBSZ=2147483647", enc(ftp, initiator, "PBSZ 4294967296"));
            assertEquals("200 PBSZ=1048576", enc(ftp, initiator, "PBSZ 1048576"));
            expect(536, enc(ftp, initiator, "PROT E"));
            expect(200, enc(ftp, initiator, "PROT P")); // DCAU A is the default after GSSAPI
            expect(200, enc(ftp, initiator, "PROT C"));
            expect(534, enc(ftp, initiator, "AUTH GSSAPI"));
            // A forged record breaks the TLS context: a clear 535, then the session ends.
            expect(535, ftp.command("ENC " + ProtectedMessages.encodeToken(new byte[40])));
            assertTrue(ftp.closedByServer());
        }
    }

    @Test
    void streamModeDownloadAndUploadInsideTheJail() throws Exception {
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);
        Files.write(server.root().resolve("down.bin"), content);
        try (RawFtp ftp = connect()) {
            GsiInitiator initiator = loggedIn(ftp);
            expect(200, enc(ftp, initiator, "TYPE I"));
            expect(200, enc(ftp, initiator, "DCAU N")); // globus-url-copy -nodcau: clear, unauthenticated data
            try (Socket data = passive(ftp, initiator)) {
                expect(150, enc(ftp, initiator, "RETR down.bin"));
                try (InputStream in = data.getInputStream()) {
                    assertArrayEquals(content, in.readAllBytes());
                }
                expect(226, unwrapReply(ftp, initiator));
            }
            try (Socket data = passive(ftp, initiator)) {
                expect(150, enc(ftp, initiator, "STOR up.bin"));
                try (OutputStream out = data.getOutputStream()) {
                    out.write(content);
                }
                expect(226, unwrapReply(ftp, initiator));
            }
            assertArrayEquals(content, Files.readAllBytes(server.root().resolve("up.bin")));
            expect(550, enc(ftp, initiator, "SIZE ../../etc/passwd"));
        }
    }

    @Test
    void anUntrustedCaIsRefusedWith535() throws Exception {
        Credential stranger = TestPki.issue(TestPki.untrustedCa(), "/C=XX/O=Elsewhere/CN=Mallory", TestPki.newKeyPair(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)), false, TestPki.EE_USAGE);
        try (RawFtp ftp = connect()) {
            String reply = authenticate(ftp, initiator(stranger, validator()));
            assertTrue(reply.startsWith("535"), reply);
            expect(530, ftp.command("USER :globus-mapping:"));
        }
    }

    private static Socket passive(RawFtp ftp, GsiInitiator initiator) throws Exception {
        return new GsiFtpControl(ftp, initiator).passive();
    }
}
