package dev.wharf.server.gridftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.data.PassiveListener;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.ftp.CommandFixture;
import dev.wharf.server.ftp.FtpReply;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.FtpSettings;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CKSM, SBUF / SITE BUFSIZE, ALLO and their FEAT lines, run as the gsiftp door's table runs them. */
class GridCommandsTest {

    @RegisterExtension
    final CommandFixture commands = new CommandFixture(FtpSettings.gridftp(ConfigFile.of(Map.of())),
            GridFtpCommands.table(null, null, false));

    @Test
    void checksumsOfKnownVectorsAsGlobusPrintsThem() throws Exception {
        Files.writeString(commands.root().resolve("wiki"), "Wikipedia");
        Files.writeString(commands.root().resolve("digits"), "123456789");
        Files.writeString(commands.root().resolve("abc"), "abc");
        Files.write(commands.root().resolve("empty"), new byte[0]);
        assertEquals("213 11e60398", commands.run("CKSM ADLER32 0 -1 /wiki"));
        assertEquals("213 cbf43926", commands.run("CKSM CRC32 0 -1 digits"));
        assertEquals("213 900150983cd24fb0d6963f7d28e17f72", commands.run("CKSM MD5 0 -1 /abc"));
        assertEquals("213 d41d8cd98f00b204e9800998ecf8427e", commands.run("CKSM md5 0 -1 /empty"));
        assertEquals("213 00000001", commands.run("CKSM ADLER32 0 -1 /empty"), "ADLER32 is zero-padded to 8 digits");
        Files.writeString(commands.root().resolve("padded"), "xyz123456789abc");
        assertEquals("213 cbf43926", commands.run("CKSM CRC32 3 9 /padded"));
    }

    @Test
    void rangesOfALargeFileMatchTheDigestOfThoseBytes() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 123];
        new Random(5).nextBytes(content);
        Files.write(commands.root().resolve("name with spaces.bin"), content);
        assertEquals("213 " + md5(content, 0, content.length), commands.run("CKSM MD5 0 -1 /name with spaces.bin"));
        assertEquals("213 " + md5(content, 1_000_000, 2_000_000), commands.run("CKSM MD5 1000000 2000000 /name with spaces.bin"));
        assertEquals("213 " + md5(content, 1_500_000, content.length - 1_500_000),
                commands.run("CKSM MD5 1500000 -1 /name with spaces.bin"));
        assertEquals("213 " + md5(content, content.length, 0), commands.run("CKSM MD5 " + content.length + " -1 /name with spaces.bin"));
    }

    @Test
    void refusals() throws Exception {
        Files.writeString(commands.root().resolve("f"), "0123456789");
        Files.createDirectory(commands.root().resolve("d"));
        assertEquals(504, commands.refusal("CKSM SHA1 0 -1 /f"));
        assertEquals(550, commands.refusal("CKSM MD5 0 -1 /missing"));
        assertEquals(550, commands.refusal("CKSM MD5 0 -1 /d"));
        assertEquals(550, commands.refusal("CKSM MD5 0 -1 ../../etc/passwd"));
        assertEquals(501, commands.refusal("CKSM MD5 0 -1"));
        assertEquals(501, commands.refusal("CKSM MD5 x -1 /f"));
        assertEquals(501, commands.refusal("CKSM MD5 -3 -1 /f"));
        assertEquals(501, commands.refusal("CKSM MD5 5 6 /f"));
        assertEquals(501, commands.refusal("CKSM MD5 11 -1 /f"));
    }

    @Test
    void checksumsNeedTheReadLevel() throws Exception {
        Files.writeString(commands.root().resolve("f"), "secret");
        assertEquals(550, CommandFixture.refusal(commands.session(CommandFixture.NO_READ), "CKSM MD5 0 -1 /f"));
    }

    @Test
    void sbufAndSiteBufsizeSetTheBufferOfLaterDataConnections() throws Exception {
        assertEquals(0, commands.session().dataSocketBuffer());
        assertTrue(commands.run("SBUF 1048576").startsWith("200"));
        assertEquals(1048576, commands.session().dataSocketBuffer());
        assertTrue(commands.run("SITE BUFSIZE 262144").startsWith("200"));
        assertEquals(262144, commands.session().dataSocketBuffer());
        assertTrue(commands.run("SITE RETRBUFSIZE 65536").startsWith("200"));
        assertEquals(65536, commands.session().dataSocketBuffer());
        assertEquals(501, commands.refusal("SBUF 100"));
        assertEquals(501, commands.refusal("SBUF 1073741824"));
        assertEquals(501, commands.refusal("SBUF lots"));
        assertEquals(65536, commands.session().dataSocketBuffer(), "a refused SBUF changes nothing");
        assertTrue(commands.run("SBUF 0").startsWith("200"));
        assertEquals(0, commands.session().dataSocketBuffer());
    }

    @Test
    void aPassiveListenerAppliesTheBufferToTheAcceptedConnection() throws Exception {
        DataChannelFactory data = new DataChannelFactory(commands.context().transport(), commands.context().ioGroup(),
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
        assertEquals(FtpSession.NO_ANNOUNCED_SIZE, commands.session().announcedSize());
        assertTrue(commands.run("ALLO 3145745").startsWith("200"));
        assertEquals(3145745, commands.session().announcedSize());
        assertEquals(3145745, commands.session().takeAnnouncedSize());
        assertEquals(FtpSession.NO_ANNOUNCED_SIZE, commands.session().announcedSize());
        assertEquals(501, commands.refusal("ALLO lots"));
    }

    @Test
    void featListsWhatWasAdded() throws Exception {
        FtpSession session = commands.session();
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
