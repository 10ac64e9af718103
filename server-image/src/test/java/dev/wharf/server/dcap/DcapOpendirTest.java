package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code opendir} as libdcap's {@code dc_opendir}/{@code dc_readdir} use it: the server connects to the
 * callback port, the listing is read with READ requests, and {@code dc_closedir} just closes the data
 * connection.
 */
class DcapOpendirTest extends DcapConversationBase {

    @Test
    void listsADirectoryOverACallbackConnection() throws Exception {
        Files.createDirectories(root.resolve("dir/sub"));
        Files.setPosixFilePermissions(root.resolve("dir"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(root.resolve("dir/a.txt"), new byte[12]);
        try (ServerSocket callback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            callback.setSoTimeout(10_000);
            send("9 0 client opendir \"dcap://door/dir\" client.example.org " + callback.getLocalPort() + " -uid=0");
            try (Socket data = callback.accept()) {
                data.setSoTimeout(10_000);
                DataInputStream i = new DataInputStream(data.getInputStream());
                DataOutputStream o = new DataOutputStream(data.getOutputStream());
                assertEquals(9, i.readInt(), "session id first");
                assertEquals(0, i.readInt());
                o.writeInt(12); o.writeInt(DataRequest.READ); o.writeLong(4096);
                expectStatus(i, DataRequest.ACK, DataRequest.READ);
                String listing = new String(readData(i, true, -1), StandardCharsets.UTF_8);
                expectStatus(i, DataRequest.FIN, DataRequest.READ);
                List<String> lines = Arrays.stream(listing.split("\n")).toList();
                assertEquals(2, lines.size(), listing);
                assertTrue(lines.stream().anyMatch(l -> l.matches("\\d+:f:12:a\\.txt")), listing);
                assertTrue(lines.stream().anyMatch(l -> l.matches("\\d+:d:\\d+:sub")), listing);
                // the next READ finds the end, as dc_readdir's last call does
                o.writeInt(12); o.writeInt(DataRequest.READ); o.writeLong(4096);
                expectStatus(i, DataRequest.ACK, DataRequest.READ);
                assertEquals(0, readData(i, true, -1).length);
                expectStatus(i, DataRequest.FIN, DataRequest.READ);
            }
        }
        assertEquals("9 0 client ok", in.readLine(), "dc_closedir closes the connection without CLOSE: not a failure");
    }

    @Test
    void refusesWhatAnonymousMayNotListAndWhatIsMissing() throws Exception {
        Files.createDirectories(root.resolve("closed"));
        Files.setPosixFilePermissions(root.resolve("closed"), PosixFilePermissions.fromString("rwx------"));
        String closed = ask("10 0 client opendir \"dcap://door/closed\" h 1000 -uid=0");
        assertTrue(closed.startsWith("10 0 client failed 19 ") && closed.endsWith("EACCES"), closed);
        String missing = ask("11 0 client opendir \"dcap://door/nothing\" h 1000 -uid=0");
        assertTrue(missing.startsWith("11 0 client failed 2 ") && missing.endsWith("ENOENT"), missing);
        String noPort = ask("12 0 client opendir \"dcap://door/\" -uid=0");
        assertTrue(noPort.startsWith("12 0 client failed 669 "), noPort);
    }
}
