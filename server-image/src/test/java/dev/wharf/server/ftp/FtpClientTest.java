package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FTP door against Apache Commons Net's FTPClient on loopback: every command, both data modes. */
class FtpClientTest {

    @TempDir Path tmp;
    FtpTestServer server;
    FTPClient client;

    @BeforeEach
    void start() throws Exception {
        server = FtpTestServer.start(tmp, Map.of());
        Files.writeString(server.root().resolve("hello.txt"), "hello world\n");
        Files.createDirectory(server.root().resolve("dir"));
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null && client.isConnected()) {
            client.disconnect();
        }
        server.close();
    }

    FTPClient login() throws IOException {
        FTPClient c = new FTPClient();
        c.setDefaultTimeout(10_000);
        c.setDataTimeout(java.time.Duration.ofSeconds(10));
        c.connect("127.0.0.1", server.port());
        assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD), c.getReplyString());
        c.enterLocalPassiveMode();
        assertTrue(c.setFileType(FTP.BINARY_FILE_TYPE));
        return c;
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @Test
    void loginRules() throws Exception {
        client = new FTPClient();
        client.connect("127.0.0.1", server.port());
        assertEquals(220, client.getReplyCode());
        assertEquals(530, client.sendCommand("PWD"));
        assertEquals(530, client.sendCommand("RETR hello.txt"));
        assertEquals(500, client.sendCommand("FROB"));
        assertEquals(502, client.sendCommand("ACCT x"));
        assertEquals(503, client.sendCommand("PASS nothing"));
        assertEquals(211, client.sendCommand("FEAT"));
        assertFalse(client.login(FtpTestServer.USER, "wrong"));
        assertEquals(530, client.getReplyCode());
        assertTrue(client.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
        assertEquals(257, client.sendCommand("PWD"));
        assertTrue(client.getReplyString().contains("\"/\""));
        assertEquals(1, server.metrics().get("login:ftp:success"));
        assertEquals(1, server.metrics().get("login:ftp:failure"));
        assertEquals(221, client.sendCommand("QUIT"));
    }

    @Test
    void namesAndDirectories() throws Exception {
        client = login();
        assertTrue(client.makeDirectory("new dir"));
        assertEquals(257, client.getReplyCode());
        assertTrue(client.changeWorkingDirectory("new dir"));
        assertEquals("/new dir", client.printWorkingDirectory());
        assertTrue(client.changeToParentDirectory());
        assertEquals("/", client.printWorkingDirectory());
        assertFalse(client.changeWorkingDirectory("missing"));
        assertEquals(550, client.getReplyCode());
        assertFalse(client.changeWorkingDirectory("../.."));
        assertEquals(550, client.getReplyCode());
        assertTrue(client.rename("hello.txt", "new dir/moved.txt"));
        assertEquals(503, client.sendCommand("RNTO x"));
        assertFalse(client.removeDirectory("new dir"));
        assertEquals(550, client.getReplyCode());
        assertTrue(client.deleteFile("new dir/moved.txt"));
        assertFalse(client.deleteFile("new dir/moved.txt"));
        assertEquals(550, client.getReplyCode());
        assertTrue(client.removeDirectory("new dir"));
        assertFalse(Files.exists(server.root().resolve("new dir")));
        assertEquals(501, client.sendCommand("MKD"));
    }

    @Test
    void informationCommands() throws Exception {
        client = login();
        Files.writeString(server.root().resolve(".grid-acl"), "secret acl");
        assertEquals(213, client.sendCommand("SIZE hello.txt"));
        assertEquals("213 12", client.getReplyString().strip());
        assertEquals(550, client.sendCommand("SIZE dir"));
        assertEquals(213, client.sendCommand("MDTM hello.txt"));
        assertTrue(client.getReplyString().matches("213 \\d{14}\\s*"));
        assertEquals(215, client.sendCommand("SYST"));
        assertEquals("215 UNIX Type: L8", client.getReplyString().strip());
        assertEquals(211, client.sendCommand("FEAT"));
        for (String f : List.of(" SIZE", " MDTM", " REST STREAM", " EPSV", " EPRT", " AUTH TLS", " PBSZ", " PROT",
                " UTF8", " MLST Type*;Size*;Modify*;Perm*;")) {
            assertTrue(client.getReplyString().contains(f), f + " in " + client.getReplyString());
        }
        assertEquals(214, client.sendCommand("HELP"));
        assertEquals(214, client.sendCommand("HELP RETR"));
        assertEquals(502, client.sendCommand("HELP FROB"));
        assertEquals(200, client.sendCommand("NOOP"));
        assertEquals(200, client.sendCommand("OPTS UTF8 ON"));
        assertEquals(501, client.sendCommand("OPTS FROB"));
        assertEquals(202, client.sendCommand("ALLO 1000"));
        assertEquals(501, client.sendCommand("ALLO lots"));
        assertEquals(200, client.sendCommand("SITE CHMOD 600 hello.txt"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(server.root().resolve("hello.txt"))));
        assertEquals(501, client.sendCommand("SITE CHMOD 999 hello.txt"));
        assertEquals(214, client.sendCommand("SITE HELP"));
        assertEquals(504, client.sendCommand("SITE FROB"));
        assertEquals(250, client.sendCommand("MLST hello.txt"));
        assertTrue(client.getReplyString().contains("Type=file;Size=12;"), client.getReplyString());
        assertTrue(client.getReplyString().contains(" /hello.txt"), client.getReplyString());
        assertEquals(200, client.sendCommand("OPTS MLST size;type;bogus;"));
        assertTrue(client.getReplyString().contains("MLST OPTS Type;Size;"), client.getReplyString());
        assertEquals(250, client.sendCommand("MLST hello.txt"));
        assertTrue(client.getReplyString().contains(" Type=file;Size=12; /hello.txt"), client.getReplyString());
        assertEquals(550, client.sendCommand("MLST .grid-acl"));
        assertEquals(550, client.sendCommand("SIZE .GRID-ACL"));
        assertEquals(211, client.sendCommand("STAT"));
        assertEquals(213, client.sendCommand("STAT /"));
        assertTrue(client.getReplyString().contains("hello.txt"));
        assertFalse(client.getReplyString().contains("grid-acl"));
        assertEquals(200, client.sendCommand("TYPE A"));
        assertEquals(550, client.sendCommand("SIZE hello.txt"));
        assertEquals(504, client.sendCommand("TYPE E"));
        assertEquals(200, client.sendCommand("TYPE L 8"));
        assertEquals(200, client.sendCommand("MODE S"));
        assertEquals(504, client.sendCommand("MODE B"));
        assertEquals(200, client.sendCommand("STRU F"));
        assertEquals(504, client.sendCommand("STRU R"));
        assertEquals(501, client.sendCommand("REST x"));
        assertEquals(350, client.sendCommand("REST 0"));
    }

    @Test
    void passiveAndActiveTransfers() throws Exception {
        byte[] content = random(3 * 1024 * 1024 + 17);
        client = login();
        for (boolean passive : new boolean[] {true, false}) {
            if (passive) {
                client.enterLocalPassiveMode();
            } else {
                client.enterLocalActiveMode();
                client.setActiveExternalIPAddress("127.0.0.1");
            }
            String name = "dir/up-" + passive + ".bin";
            assertTrue(client.storeFile(name, new ByteArrayInputStream(content)), client.getReplyString());
            assertArrayEquals(content, Files.readAllBytes(server.root().resolve(name)));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile(name, got), client.getReplyString());
            assertArrayEquals(content, got.toByteArray());
            String[] names = client.listNames("dir");
            assertNotNull(names, client.getReplyString());
            assertTrue(Arrays.asList(names).contains("up-" + passive + ".bin"), Arrays.toString(names));
        }
        client.enterLocalPassiveMode();
        FTPFile[] files = client.listFiles("dir");
        assertEquals(2, files.length);
        assertEquals(content.length, files[0].getSize());
        FTPFile[] ml = client.mlistDir("dir");
        assertEquals(2, ml.length);
        assertEquals(content.length, ml[0].getSize());
        assertTrue(server.metrics().get("transfer:ftp:IN:completed") == 2);
        assertTrue(server.metrics().get("transfer:ftp:OUT:completed") == 2);
        assertTrue(server.metrics().get("bytes:ftp:IN") == 2L * content.length);
        assertEquals(425, new RawFtpLogin(server).command("RETR hello.txt").code());
    }

    @Test
    void storeUniqueAndAppend() throws Exception {
        client = login();
        assertTrue(client.storeUniqueFile("dir/x", new ByteArrayInputStream("one".getBytes())));
        assertTrue(client.getReplyString().startsWith("226"));
        assertTrue(client.appendFile("hello.txt", new ByteArrayInputStream("more\n".getBytes())));
        assertEquals("hello world\nmore\n", Files.readString(server.root().resolve("hello.txt")));
        assertEquals("one", Files.readString(server.root().resolve("dir/x")));
        assertTrue(client.storeUniqueFile("dir/x", new ByteArrayInputStream("two".getBytes())));
        assertEquals("two", Files.readString(server.root().resolve("dir/x.1")));
    }

    @Test
    void asciiConvertsLineEnds() throws Exception {
        client = login();
        client.setFileType(FTP.ASCII_FILE_TYPE);
        // commons-net converts on its side too, so talk raw bytes over a binary-looking stream
        try (RawFtp raw = new RawFtp(server.port())) {
            raw.login();
            RawFtp.expect(200, raw.command("TYPE A"));
            try (var data = raw.passive()) {
                raw.send("STOR text.txt");
                RawFtp.expect(150, raw.reply());
                data.getOutputStream().write("a\r\nb\r\nc\rd\r\n".getBytes(StandardCharsets.US_ASCII));
                data.close();
            }
            RawFtp.expect(226, raw.reply());
            assertEquals("a\nb\nc\rd\n", Files.readString(server.root().resolve("text.txt")));
            try (var data = raw.passive()) {
                raw.send("RETR text.txt");
                RawFtp.expect(150, raw.reply());
                assertEquals("a\r\nb\r\nc\rd\r\n", new String(data.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            }
            RawFtp.expect(226, raw.reply());
        }
    }

    @Test
    void restartBothWays() throws Exception {
        byte[] content = random(100_000);
        Files.write(server.root().resolve("big.bin"), content);
        client = login();
        client.setRestartOffset(40_000);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("big.bin", tail));
        assertArrayEquals(Arrays.copyOfRange(content, 40_000, content.length), tail.toByteArray());

        assertTrue(client.storeFile("resumed.bin", new ByteArrayInputStream(content, 0, 30_000)));
        client.setRestartOffset(30_000);
        assertTrue(client.storeFile("resumed.bin", new ByteArrayInputStream(content, 30_000, content.length - 30_000)));
        assertArrayEquals(content, Files.readAllBytes(server.root().resolve("resumed.bin")));

        client.setRestartOffset(500_000);
        assertFalse(client.retrieveFile("big.bin", new ByteArrayOutputStream()));
        assertEquals(554, client.getReplyCode());
    }

    @Test
    void anonymousIsReadOnlyAndHiddenNamesStayHidden() throws Exception {
        Files.writeString(server.anonymousRoot().resolve("pub.txt"), "public");
        Files.writeString(server.anonymousRoot().resolve(".grid-acl"), "acl");
        client = new FTPClient();
        client.connect("127.0.0.1", server.port());
        assertTrue(client.login("anonymous", "me@example.org"));
        client.enterLocalPassiveMode();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("pub.txt", got));
        assertEquals("public", got.toString(StandardCharsets.UTF_8));
        assertFalse(client.storeFile("new.txt", new ByteArrayInputStream(new byte[10])));
        assertEquals(550, client.getReplyCode());
        assertFalse(client.retrieveFile(".grid-acl", new ByteArrayOutputStream()));
        assertEquals(550, client.getReplyCode());
        assertEquals(List.of("pub.txt"), Arrays.asList(client.listNames()));
        assertFalse(client.makeDirectory("d"));
        assertFalse(Files.exists(server.anonymousRoot().resolve("new.txt")));
        assertEquals(2, server.metrics().get("denied:ftp:CREATE_FILE") + server.metrics().get("denied:ftp:MAKE_DIRECTORY"));
    }

    @Test
    void bounceIsRefused() throws Exception {
        client = login();
        assertEquals(504, client.sendCommand("PORT 10,0,0,1,200,10"));
        assertEquals(504, client.sendCommand("PORT 127,0,0,1,0,21"));
        assertEquals(501, client.sendCommand("PORT 127,0,0,1,300,1"));
        assertEquals(504, client.sendCommand("EPRT |1|192.0.2.1|5000|"));
        assertEquals(504, client.sendCommand("EPRT |2|::1|5000|"));
        assertEquals(522, client.sendCommand("EPRT |3|x|5000|"));
        assertEquals(501, client.sendCommand("EPRT garbage"));
        assertEquals(200, client.sendCommand("PORT 127,0,0,1,200,10"));
        assertEquals(200, client.sendCommand("EPRT |1|127.0.0.1|5000|"));
    }

    @Test
    void epsvAndEpsvAll() throws Exception {
        client = login();
        assertEquals(229, client.sendCommand("EPSV"));
        assertTrue(client.getReplyString().matches("229 Entering Extended Passive Mode \\(\\|\\|\\|\\d+\\|\\)\\s*"));
        assertEquals(522, client.sendCommand("EPSV 2"));
        client.setUseEPSVwithIPv4(true);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("hello.txt", got));
        assertEquals("hello world\n", got.toString(StandardCharsets.UTF_8));
        assertEquals(200, client.sendCommand("EPSV ALL"));
        assertEquals(503, client.sendCommand("PASV"));
        assertEquals(503, client.sendCommand("PORT 127,0,0,1,200,10"));
    }

    /** A logged-in raw connection as a value, for one-line checks. */
    record RawFtpLogin(FtpTestServer server) {
        RawReply command(String line) throws IOException {
            try (RawFtp raw = new RawFtp(server.port())) {
                raw.login();
                return new RawReply(raw.command(line));
            }
        }
    }

    record RawReply(String text) {
        int code() {
            return Integer.parseInt(text.substring(0, 3));
        }
    }

    @Test
    void accessPolicyDenialsAre550AndCounted() throws Exception {
        server.close();
        dev.wharf.server.acl.AccessPolicy noSecrets = (who, op, path) -> path.startsWith("/secret")
                ? dev.wharf.server.acl.AccessDecision.deny(dev.wharf.config.AccessLevel.NONE, "test")
                : dev.wharf.server.acl.AccessDecision.allow(dev.wharf.config.AccessLevel.ADMIN, "test");
        server = FtpTestServer.start(tmp.resolve("p"), Map.of(), noSecrets);
        Files.createDirectory(server.root().resolve("secret"));
        Files.writeString(server.root().resolve("secret/f"), "x");
        client = login();
        assertFalse(client.retrieveFile("secret/f", new ByteArrayOutputStream()));
        assertEquals(550, client.getReplyCode());
        assertFalse(client.changeWorkingDirectory("secret"));
        assertEquals(550, client.getReplyCode());
        assertEquals(550, client.sendCommand("SIZE secret/f"));
        assertFalse(client.deleteFile("secret/f"));
        assertTrue(Files.exists(server.root().resolve("secret/f")));
        assertEquals(2, server.metrics().get("denied:ftp:READ_FILE"), server.metrics().toString());
        assertEquals(1, server.metrics().get("denied:ftp:CHANGE_DIRECTORY"));
        assertEquals(1, server.metrics().get("denied:ftp:DELETE_FILE"));
        assertEquals(550, client.sendCommand("MLST secret"));
        assertEquals(250, client.sendCommand("MLST /"));
    }
}
