package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A door on ::1: EPSV and EPRT carry the transfers, PASV (IPv4 only) answers 522, subnets match IPv6. */
class Ipv6Test {

    @TempDir Path tmp;

    @Test
    void transfersOverIpv6() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of("control.interface", "::1",
                "net.allowed-subnets", "::1/128"))) {
            FTPClient c = new FTPClient();
            c.setDefaultTimeout(10_000);
            c.connect("::1", server.port());
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            c.setFileType(FTP.BINARY_FILE_TYPE);
            assertEquals(522, c.sendCommand("PASV"));
            c.enterLocalPassiveMode(); // commons-net uses EPSV on IPv6
            assertTrue(c.storeFile("v6.txt", new ByteArrayInputStream("over ipv6".getBytes())), c.getReplyString());
            c.enterLocalActiveMode(); // and EPRT |2|::1|port|
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertTrue(c.retrieveFile("v6.txt", got), c.getReplyString());
            assertEquals("over ipv6", got.toString());
            assertEquals(504, c.sendCommand("EPRT |1|127.0.0.1|5000|"), "another address than the client's");
            c.disconnect();
        }
        try (FtpTestServer server = FtpTestServer.start(tmp.resolve("b"), Map.of("control.interface", "::1",
                "net.allowed-subnets", "127.0.0.0/8"));
             java.net.Socket s = new java.net.Socket("::1", server.port())) {
            String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream())).readLine();
            assertTrue(greeting.startsWith("421"), greeting);
        }
    }
}
