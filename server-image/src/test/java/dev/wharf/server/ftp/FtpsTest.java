package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FTPS: explicit AUTH TLS with PROT C/P in both data modes, the implicit door, CCC, AUTH injection. */
class FtpsTest {

    @TempDir Path tmp;

    static FTPSClient client(boolean implicit) {
        FTPSClient c = new FTPSClient("TLS", implicit);
        c.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        c.setDefaultTimeout(10_000);
        c.setDataTimeout(java.time.Duration.ofSeconds(10));
        return c;
    }

    static void roundTrip(FTPSClient c, FtpTestServer server, String name, boolean passive) throws Exception {
        byte[] content = FtpClientTest.random(700_000);
        if (passive) {
            c.enterLocalPassiveMode();
        } else {
            c.enterLocalActiveMode();
        }
        assertTrue(c.setFileType(FTP.BINARY_FILE_TYPE));
        assertTrue(c.storeFile(name, new ByteArrayInputStream(content)), c.getReplyString());
        assertArrayEquals(content, Files.readAllBytes(server.root().resolve(name)));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertTrue(c.retrieveFile(name, got), c.getReplyString());
        assertArrayEquals(content, got.toByteArray());
        assertTrue(c.listNames().length > 0);
    }

    @Test
    void explicitTlsWithProtectedAndClearData() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            FTPSClient c = client(false);
            c.connect("127.0.0.1", server.port());
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            c.execPBSZ(0);
            c.execPROT("P");
            roundTrip(c, server, "private-passive.bin", true);
            roundTrip(c, server, "private-active.bin", false);
            c.execPROT("C");
            roundTrip(c, server, "clear.bin", true);
            assertEquals(536, c.sendCommand("PROT S"));
            assertEquals(534, c.sendCommand("AUTH TLS"));
            org.junit.jupiter.api.Assertions.assertThrows(javax.net.ssl.SSLException.class, c::execCCC);
            assertEquals(533, c.getReplyCode());
            c.disconnect();
        }
    }

    @Test
    void implicitTlsDoor() throws Exception {
        try (FtpTestServer server = FtpTestServer.startImplicit(tmp, Map.of())) {
            FTPSClient c = client(true);
            c.connect("127.0.0.1", server.port());
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            c.execPBSZ(0);
            c.execPROT("P");
            roundTrip(c, server, "implicit.bin", true);
            c.disconnect();
        }
    }

    @Test
    void protNeedsTlsAndPbsz() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            raw.login();
            RawFtp.expect(503, raw.command("PBSZ 0"));
            RawFtp.expect(503, raw.command("PROT P"));
            RawFtp.expect(504, raw.command("AUTH KERBEROS"));
        }
    }

    @Test
    void plaintextPipelinedBehindAuthIsRefused() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of()); RawFtp raw = new RawFtp(server.port())) {
            RawFtp.expect(220, raw.reply());
            raw.sendRaw("AUTH TLS\r\nUSER alice\r\n".getBytes(StandardCharsets.US_ASCII));
            RawFtp.expect(503, raw.reply());
            assertTrue(raw.closedByServer());
            FtpLimitsTest.stillServes(server);
        }
    }

    @Test
    void tlsRequiredRefusesClearLogins() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("tls.require", "true"))) {
            try (RawFtp raw = new RawFtp(server.port())) {
                RawFtp.expect(220, raw.reply());
                RawFtp.expect(530, raw.command("USER alice"));
            }
            FTPSClient c = client(false);
            c.connect("127.0.0.1", server.port());
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            c.disconnect();
        }
    }

    @Test
    void cccWhenAllowed() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("tls.allow-ccc", "true"))) {
            FTPSClient c = client(false);
            c.connect("127.0.0.1", server.port());
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            assertEquals(200, c.execCCC());
            assertEquals(257, c.sendCommand("PWD"));
            c.disconnect();
        }
    }
}
