package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many small uploads and downloads on one session: the data connection often closes before STOR is read. */
class SmallUploadTest {

    @TempDir Path tmp;

    @Test
    void manySmallFilesOnOneSession() throws Exception {
        try (FtpTestServer server = FtpTestServer.start(tmp, Map.of())) {
            FTPClient c = new FTPClient();
            c.setDefaultTimeout(5000);
            c.setDataTimeout(java.time.Duration.ofSeconds(5));
            c.connect("127.0.0.1", server.port());
            assertTrue(c.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            c.enterLocalPassiveMode();
            c.setFileType(FTP.BINARY_FILE_TYPE);
            for (int i = 0; i < 200; i++) {
                byte[] content = ("file " + i).repeat(i + 1).getBytes();
                assertTrue(c.storeFile("f" + i, new ByteArrayInputStream(content)), c.getReplyString());
                assertArrayEquals(content, Files.readAllBytes(server.root().resolve("f" + i)));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                assertTrue(c.retrieveFile("f" + i, out), c.getReplyString());
                assertArrayEquals(content, out.toByteArray());
            }
            c.disconnect();
        }
    }
}
