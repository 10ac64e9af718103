package dev.wharf.server.gridftp.modee;

import static dev.wharf.server.gridftp.modee.ModeEClient.assemble;
import static dev.wharf.server.gridftp.modee.ModeEClient.connect;
import static dev.wharf.server.gridftp.modee.ModeEClient.pasvPort;
import static dev.wharf.server.gridftp.modee.ModeEClient.random;
import static dev.wharf.server.gridftp.modee.ModeEClient.readUntilEod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.List;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.Test;

/**
 * MODE E streams kept between transfers keep the protection they were set up with, so a change of
 * protection must drop them. On the FTP door (explicit TLS, MODE E) a clear MODE E download followed
 * by PROT P used to send the next file in clear over the kept stream (125); the streams are now closed
 * and the client has to arrange protected ones (425).
 */
class ModeEProtectionTest extends ModeEDoorTest {

    @Test
    void protPClosesTheClearStreamsTheLastTransferKept() throws Exception {
        byte[] content = random(200_003);
        Files.write(door.root().resolve("f.bin"), content);
        FTPSClient c = new FTPSClient("TLS", false);
        c.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        c.setDefaultTimeout(10_000);
        c.connect("127.0.0.1", door.port());
        try {
            assertTrue(c.login("alice", "secret"), c.getReplyString());
            c.execPBSZ(0);
            assertEquals(200, c.sendCommand("PROT", "C"));
            assertEquals(200, c.sendCommand("TYPE", "I"));
            assertEquals(200, c.sendCommand("MODE", "E"));
            assertEquals(227, c.sendCommand("PASV"));
            try (Socket stream = connect(pasvPort(c.getReplyString()))) {
                int start = c.sendCommand("RETR", "/f.bin");
                assertTrue(start == 150 || start == 125, c.getReplyString());
                ModeEClient.Stream got = readUntilEod(new DataInputStream(stream.getInputStream()));
                assertEquals(226, c.getReply(), c.getReplyString());
                assertArrayEquals(content, assemble(List.of(got), content.length));

                assertEquals(200, c.sendCommand("PROT", "P"));
                assertEquals(425, c.sendCommand("RETR", "/f.bin"), "a clear stream may not carry a PROT P transfer: "
                        + c.getReplyString());
                assertEquals(-1, stream.getInputStream().read(), "the kept clear stream is closed, nothing sent on it");
            }
        } finally {
            c.disconnect();
        }
    }
}
