package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.SymlinkFlipper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's reproduction through the FTP door: while a local user flips {@code race_d} between a
 * real directory and a symlink out of the jail, a client repeats SIZE, RETR and STOR through it.
 * No reply carries the outside file and nothing is created outside. Bounded by a count of rounds.
 */
class FtpJailRaceTest {

    static final int ROUNDS = 150;
    static final String INSIDE = "inside";
    static final String OUTSIDE = "OUTSIDE-SECRET";

    @TempDir Path tmp;

    @Test
    void sizeRetrAndStorNeverReachOutside() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path park = Files.createDirectory(tmp.resolve("park"));
        Files.writeString(outside.resolve("f"), OUTSIDE);
        List<String> escapes = new ArrayList<>();
        try (FtpTestServer server = FtpTestServer.start(tmp.resolve("server"), Map.of())) {
            Path raceDir = Files.createDirectory(server.root().resolve("race_d"));
            Files.writeString(raceDir.resolve("f"), INSIDE);
            FTPClient client = new FTPClient();
            client.setDefaultTimeout(10_000);
            client.connect("127.0.0.1", server.port());
            assertTrue(client.login(FtpTestServer.USER, FtpTestServer.PASSWORD));
            client.enterLocalPassiveMode();
            client.setFileType(FTP.BINARY_FILE_TYPE);
            try (SymlinkFlipper flipper = new SymlinkFlipper(raceDir, outside, park)) {
                for (int i = 0; i < ROUNDS; i++) {
                    if (client.sendCommand("SIZE /race_d/f") == 213
                            && client.getReplyString().trim().endsWith(" " + OUTSIDE.length())) {
                        escapes.add("SIZE of the outside file");
                    }
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    if (client.retrieveFile("/race_d/f", got) && got.toString(StandardCharsets.UTF_8).equals(OUTSIDE)) {
                        escapes.add("RETR returned the outside file");
                    }
                    client.storeFile("/race_d/up" + i, new ByteArrayInputStream(INSIDE.getBytes(StandardCharsets.UTF_8)));
                }
            }
            client.logout();
            client.disconnect();
        }
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of("f"), s.map(p -> p.getFileName().toString()).toList(), "files created outside");
        }
        assertEquals(List.of(), escapes);
    }
}
