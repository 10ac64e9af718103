package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounce rule and third-party transfers for password sessions: by default PORT/EPRT go only to the
 * client's own address; {@code ftp.allow-third-party = true} lets them name another host (the other
 * server of a third-party copy) and lets a passive listener take the connection from another address.
 * Ports below 1024 stay refused either way. (GSI sessions: GridFtpThirdPartyInteropTest.)
 */
class ThirdPartyRuleTest {

    @TempDir
    Path tmp;

    private static FTPClient login(FtpTestServer server) throws Exception {
        FTPClient c = new FTPClient();
        c.setDefaultTimeout(10_000);
        c.connect("127.0.0.1", server.port());
        assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD), c.getReplyString());
        assertTrue(c.setFileType(FTP.BINARY_FILE_TYPE));
        return c;
    }

    @Test
    void byDefaultDataGoesOnlyToTheClient() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            FTPClient c = login(server);
            assertEquals(504, c.sendCommand("PORT 127,0,0,2,200,10"));
            assertEquals(504, c.sendCommand("EPRT |1|127.0.0.2|5000|"));
            assertEquals(200, c.sendCommand("PORT 127,0,0,1,200,10"));
            c.disconnect();
        }
    }

    @Test
    void withTheKeyAnotherHostMayBeNamedAndMayConnect() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("ftp.allow-third-party", "true"))) {
            Files.writeString(server.root().resolve("f.txt"), "third party\n");
            FTPClient c = login(server);
            assertEquals(200, c.sendCommand("PORT 127,0,0,2,200,10"));
            assertEquals(200, c.sendCommand("EPRT |1|127.0.0.3|5000|"));
            assertEquals(504, c.sendCommand("PORT 127,0,0,2,0,21"), "privileged ports stay refused");
            assertEquals(227, c.sendCommand("PASV"));
            Matcher m = Pattern.compile("(\\d+),(\\d+)\\)").matcher(c.getReplyString());
            assertTrue(m.find(), c.getReplyString());
            int port = Integer.parseInt(m.group(1)) * 256 + Integer.parseInt(m.group(2));
            try (Socket data = new Socket()) {
                // the "other server" of a third-party copy: another address than the control connection's
                data.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                data.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                data.setSoTimeout(10_000);
                assertEquals(150, c.sendCommand("RETR f.txt"));
                try (InputStream in = data.getInputStream()) {
                    assertEquals("third party\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertTrue(c.completePendingCommand(), c.getReplyString());
            c.disconnect();
        }
    }
}
