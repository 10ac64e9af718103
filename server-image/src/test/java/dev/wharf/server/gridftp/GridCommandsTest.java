package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessDecision;
import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.ftp.CommandLines;
import dev.wharf.server.ftp.CommandSessions;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.FtpSettings;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CKSM, SBUF / SITE BUFSIZE, ALLO and their FEAT lines, run as the gsiftp door's table runs them. */
class GridCommandsTest {

    @TempDir
    Path root;
    ServerContext context;
    FtpSession session;

    @BeforeEach
    void loggedIn() throws Exception {
        context = TestContexts.create();
        session = session(AccessPolicy.ALLOW_ALL);
    }

    @AfterEach
    void close() {
        TestContexts.close(context);
    }

    private FtpSession session(AccessPolicy policy) throws Exception {
        return CommandSessions.loggedIn(context, FtpSettings.gridftp(ConfigFile.of(Map.of())),
                GridFtpCommands.table(null, null, false), root, policy);
    }

    private String run(String line) throws FtpException {
        return run(session, line);
    }

    private static String run(FtpSession s, String line) throws FtpException {
        return CommandLines.run(s, line);
    }

    private int refusal(String line) {
        return assertThrows(FtpException.class, () -> run(line)).code();
    }

    @Test
    void checksumsOfKnownVectorsAsGlobusPrintsThem() throws Exception {
        Files.writeString(root.resolve("wiki"), "Wikipedia");
        Files.writeString(root.resolve("digits"), "123456789");
        Files.writeString(root.resolve("abc"), "abc");
        Files.write(root.resolve("empty"), new byte[0]);
        assertEquals("213 11e60398", run("CKSM ADLER32 0 -1 /wiki"));
        assertEquals("213 cbf43926", run("CKSM CRC32 0 -1 digits"));
        assertEquals("213 900150983cd24fb0d6963f7d28e17f72", run("CKSM MD5 0 -1 /abc"));
        assertEquals("213 d41d8cd98f00b204e9800998ecf8427e", run("CKSM md5 0 -1 /empty"));
        assertEquals("213 00000001", run("CKSM ADLER32 0 -1 /empty"), "ADLER32 is zero-padded to 8 digits");
        Files.writeString(root.resolve("padded"), "xyz123456789abc");
        assertEquals("213 cbf43926", run("CKSM CRC32 3 9 /padded"));
    }

    @Test
    void rangesOfALargeFileMatchTheDigestOfThoseBytes() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 123];
        new Random(5).nextBytes(content);
        Files.write(root.resolve("name with spaces.bin"), content);
        assertEquals("213 " + md5(content, 0, content.length), run("CKSM MD5 0 -1 /name with spaces.bin"));
        assertEquals("213 " + md5(content, 1_000_000, 2_000_000), run("CKSM MD5 1000000 2000000 /name with spaces.bin"));
        assertEquals("213 " + md5(content, 1_500_000, content.length - 1_500_000),
                run("CKSM MD5 1500000 -1 /name with spaces.bin"));
        assertEquals("213 " + md5(content, content.length, 0), run("CKSM MD5 " + content.length + " -1 /name with spaces.bin"));
    }

    @Test
    void refusals() throws Exception {
        Files.writeString(root.resolve("f"), "0123456789");
        Files.createDirectory(root.resolve("d"));
        assertEquals(504, refusal("CKSM SHA1 0 -1 /f"));
        assertEquals(550, refusal("CKSM MD5 0 -1 /missing"));
        assertEquals(550, refusal("CKSM MD5 0 -1 /d"));
        assertEquals(550, refusal("CKSM MD5 0 -1 ../../etc/passwd"));
        assertEquals(501, refusal("CKSM MD5 0 -1"));
        assertEquals(501, refusal("CKSM MD5 x -1 /f"));
        assertEquals(501, refusal("CKSM MD5 -3 -1 /f"));
        assertEquals(501, refusal("CKSM MD5 5 6 /f"));
        assertEquals(501, refusal("CKSM MD5 11 -1 /f"));
    }

    @Test
    void checksumsNeedTheReadLevel() throws Exception {
        Files.writeString(root.resolve("f"), "secret");
        AccessPolicy listOnly = (who, op, path) -> op == Operation.READ_FILE
                ? AccessDecision.deny(AccessLevel.LIST, "test") : AccessDecision.allow(AccessLevel.ADMIN, "test");
        FtpSession s = session(listOnly);
        assertEquals(550, assertThrows(FtpException.class, () -> run(s, "CKSM MD5 0 -1 /f")).code());
    }

    @Test
    void sbufAndSiteBufsizeSetTheBufferOfLaterDataConnections() throws Exception {
        assertEquals(0, session.dataSocketBuffer());
        assertTrue(run("SBUF 1048576").startsWith("200"));
        assertEquals(1048576, session.dataSocketBuffer());
        assertTrue(run("SITE BUFSIZE 262144").startsWith("200"));
        assertEquals(262144, session.dataSocketBuffer());
        assertTrue(run("SITE RETRBUFSIZE 65536").startsWith("200"));
        assertEquals(65536, session.dataSocketBuffer());
        assertEquals(501, refusal("SBUF 100"));
        assertEquals(501, refusal("SBUF 1073741824"));
        assertEquals(501, refusal("SBUF lots"));
        assertEquals(65536, session.dataSocketBuffer(), "a refused SBUF changes nothing");
        assertTrue(run("SBUF 0").startsWith("200"));
        assertEquals(0, session.dataSocketBuffer());
    }

    @Test
    void aPassiveListenerAppliesTheBufferToTheAcceptedConnection() throws Exception {
        DataChannelFactory data = new DataChannelFactory(context.transport(), context.ioGroup(),
                InetAddress.getLoopbackAddress(), new PortAllocator(new PortRange(47000 + new Random().nextInt(900), 47999)));
        PassiveListener listener = data.listen(InetAddress.getLoopbackAddress(), 256 * 1024);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
            Channel accepted = listener.connection().get(5, TimeUnit.SECONDS);
            // Linux doubles what is asked for (bookkeeping); the default here is far below either
            assertTrue(accepted.config().getOption(io.netty.channel.ChannelOption.SO_RCVBUF) >= 256 * 1024);
            assertTrue(accepted.config().getOption(io.netty.channel.ChannelOption.SO_SNDBUF) >= 256 * 1024);
        } finally {
            listener.close();
        }
    }

    @Test
    void alloIsRememberedForTheNextUpload() throws Exception {
        assertEquals(FtpSession.NO_ANNOUNCED_SIZE, session.announcedSize());
        assertTrue(run("ALLO 3145745").startsWith("200"));
        assertEquals(3145745, session.announcedSize());
        assertEquals(3145745, session.takeAnnouncedSize());
        assertEquals(FtpSession.NO_ANNOUNCED_SIZE, session.announcedSize());
        assertEquals(501, refusal("ALLO lots"));
    }

    @Test
    void featListsWhatWasAdded() throws Exception {
        String feat = ((FtpReply) session.services().commands().get("FEAT").command().execute(session, "")).render();
        assertTrue(feat.contains(" CKSM ADLER32,MD5,CRC32"), feat);
        assertTrue(feat.contains(" SBUF"), feat);
    }

    private static String md5(byte[] content, int offset, int length) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(Arrays.copyOfRange(content, offset, offset + length));
        return HexFormat.of().formatHex(md.digest());
    }
}
