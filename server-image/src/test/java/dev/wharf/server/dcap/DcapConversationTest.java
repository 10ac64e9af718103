package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * A raw dCap client against the door in process: the control conversation and the binary data
 * channel in client-connects mode, block by block as libdcap sends them, including offsets above 4 GiB
 * on a sparse file.
 */
class DcapConversationTest extends DcapConversationBase {

    private static final long FOUR_GIB = 1L << 32;

    @Test
    void statMissingAndExistingFiles() throws Exception {
        publicFile("f", "hello".getBytes(StandardCharsets.US_ASCII));
        String stat = ask("1 0 client stat \"dcap://door/f\" -uid=1000");
        assertTrue(stat.startsWith("1 0 client stat -st_size=5 "), stat);
        assertTrue(stat.contains(" -st_mode=-rw-r--r-- "), stat);
        String missing = ask("2 0 client stat \"dcap://door/nope\" -uid=1000");
        assertTrue(missing.startsWith("2 0 client failed 2 \"") && missing.endsWith(" ENOENT"), missing);
        assertEquals("3 2 server pong", ask("3 2 client ping"));
        String bad = ask("4 0 client stat \"dcap://door/../x\"");
        assertTrue(bad.startsWith("4 0 client failed 19 "), bad);
    }

    @Test
    void readsSeeksLocatesAndReadvAboveFourGib() throws Exception {
        Path sparse = root.resolve("sparse");
        byte[] tail = "beyond four gibibytes".getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.seek(FOUR_GIB + 10);
            f.write(tail);
        }
        Files.setPosixFilePermissions(sparse, PosixFilePermissions.fromString("rw-r--r--"));
        long size = FOUR_GIB + 10 + tail.length;
        try (Socket data = openPassive(5, "/sparse", "r")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            // SEEK_END -tail → position above 2^32
            o.writeInt(16); o.writeInt(DataRequest.SEEK); o.writeLong(-tail.length); o.writeInt(DataRequest.SEEK_END);
            assertEquals(20, i.readInt());
            assertEquals(DataRequest.ACK, i.readInt());
            assertEquals(DataRequest.SEEK, i.readInt());
            assertEquals(0, i.readInt());
            assertEquals(FOUR_GIB + 10, i.readLong());
            // READ 1 MiB at that position: only the tail remains
            o.writeInt(12); o.writeInt(DataRequest.READ); o.writeLong(1 << 20);
            expectStatus(i, DataRequest.ACK, DataRequest.READ);
            assertArrayEquals(tail, readData(i, true, -1));
            expectStatus(i, DataRequest.FIN, DataRequest.READ);
            // LOCATE: size and position
            o.writeInt(4); o.writeInt(DataRequest.LOCATE);
            assertEquals(28, i.readInt());
            assertEquals(DataRequest.ACK, i.readInt());
            assertEquals(DataRequest.LOCATE, i.readInt());
            assertEquals(0, i.readInt());
            assertEquals(size, i.readLong());
            assertEquals(size, i.readLong());
            // SEEK_AND_READ SEEK_SET 2^32+10+7, 6 bytes
            o.writeInt(24); o.writeInt(DataRequest.SEEK_AND_READ); o.writeLong(FOUR_GIB + 17); o.writeInt(DataRequest.SEEK_SET); o.writeLong(6);
            expectStatus(i, DataRequest.ACK, DataRequest.SEEK_AND_READ);
            assertEquals("four g", new String(readData(i, true, -1), StandardCharsets.US_ASCII));
            expectStatus(i, DataRequest.FIN, DataRequest.SEEK_AND_READ);
            // READV: a hole byte, and two ranges of the tail
            o.writeInt(8 + 36); o.writeInt(DataRequest.READV); o.writeInt(3);
            o.writeLong(5); o.writeInt(1);
            o.writeLong(FOUR_GIB + 10); o.writeInt(6);
            o.writeLong(FOUR_GIB + 10 + tail.length - 3); o.writeInt(3);
            expectStatus(i, DataRequest.ACK, DataRequest.READV);
            assertEquals("\0beyondtes", new String(readData(i, false, 10), StandardCharsets.US_ASCII));
            expectStatus(i, DataRequest.FIN, DataRequest.READV);
            // seeking past the end of a file open for reading is refused
            o.writeInt(16); o.writeInt(DataRequest.SEEK); o.writeLong(size + 1); o.writeInt(DataRequest.SEEK_SET);
            assertEquals(DataRequest.ACK, readErrorKind(i));
            // CLOSE → ACK, then ok on the control line
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
            assertEquals(-1, data.getInputStream().read());
        }
        assertEquals("5 0 client ok", in.readLine());
    }

    private static int readErrorKind(DataInputStream i) throws Exception {
        int length = i.readInt();
        int kind = i.readInt();
        i.readInt();
        assertEquals(DataReplies.ERROR_SEEK, i.readInt());
        i.skipBytes(length - 12);
        return kind;
    }

    @Test
    void writesWithSeekAndWriteAboveFourGibAndVerifiesTheChecksum() throws Exception {
        byte[] head = "head".getBytes(StandardCharsets.US_ASCII);
        try (Socket data = openPassive(6, "/written", "w -mode=0644 -truncate")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            // and a zero-length block: only -1 ends the data
            write(o, i, head, new byte[0]);
            o.writeInt(16); o.writeInt(DataRequest.SEEK_AND_WRITE); o.writeLong(FOUR_GIB); o.writeInt(DataRequest.SEEK_SET);
            expectStatus(i, DataRequest.ACK, DataRequest.SEEK_AND_WRITE);
            sendData(o, new byte[] {'e', 'n', 'd'});
            expectStatus(i, DataRequest.FIN, DataRequest.SEEK_AND_WRITE);
            assertFalse(Files.exists(root.resolve("written")), "nothing visible under the target name before CLOSE");
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        assertEquals("6 0 client ok", in.readLine());
        Path written = root.resolve("written");
        assertEquals(FOUR_GIB + 3, Files.size(written));
        try (RandomAccessFile f = new RandomAccessFile(written.toFile(), "r")) {
            byte[] b = new byte[4];
            f.readFully(b);
            assertArrayEquals(head, b);
            f.seek(FOUR_GIB);
            byte[] e = new byte[3];
            f.readFully(e);
            assertEquals("end", new String(e, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aWrongChecksumFailsTheUploadAndLeavesNothing() throws Exception {
        uploadClosedWithAdler32(7, "/bad", 0x12345678, "hello".getBytes(StandardCharsets.US_ASCII));
        String reply = in.readLine();
        assertTrue(reply.startsWith("7 0 client failed 44 \"ADLER32 mismatch"), reply);
        try (var files = Files.list(root)) {
            assertEquals(0, files.count(), "no file and no temporary left");
        }
    }

    @Test
    void aWrongChallengeIsRefused() throws Exception {
        publicFile("g", new byte[10]);
        String reply = ask("8 0 client open \"dcap://door/g\" r -passive -timeout=5");
        String[] t = reply.split(" ");
        try (Socket data = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(t[5]))) {
            // one write: the server closes after the bad greeting, and bytes of ours it never read
            // would turn its close into a reset that can swallow the error reply (a flaky broken pipe)
            DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(data.getOutputStream()));
            d.writeInt(8);
            d.writeInt(5);
            d.write("wrong".getBytes(StandardCharsets.US_ASCII));
            d.writeInt(12); d.writeInt(DataRequest.READ); d.writeLong(10);
            d.flush();
            data.setSoTimeout(10_000);
            DataInputStream i = new DataInputStream(data.getInputStream());
            int length = i.readInt();
            assertEquals(DataRequest.ACK, i.readInt());
            i.readInt();
            assertEquals(DataReplies.ERROR_PROTOCOL, i.readInt());
            i.skipBytes(length - 12);
            assertEquals(-1, data.getInputStream().read());
        }
        String failed = in.readLine();
        assertTrue(failed.startsWith("8 0 client failed 669 "), failed);
    }

    @Test
    void namespaceRequestsFollowTheWorldBits() throws Exception {
        assertEquals("1 0 client ok", ask("1 0 client mkdir \"dcap://door/d\" -mode=493 -uid=0"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("d"))));
        String denied = ask("2 0 client mkdir \"dcap://door/d/sub\" -mode=493");
        assertTrue(denied.startsWith("2 0 client failed 19 ") && denied.endsWith("EACCES"), denied);
        publicFile("x", new byte[1]);
        assertEquals("3 0 client ok", ask("3 0 client rename \"dcap://door/x\" /y"));
        assertTrue(Files.exists(root.resolve("y")));
        assertEquals("4 0 client ok", ask("4 0 client chmod \"dcap://door/y\" -mode=384"));
        String unreadable = ask("5 0 client open \"dcap://door/y\" r -passive");
        assertTrue(unreadable.startsWith("5 0 client failed 19 "), unreadable);
        assertEquals("6 0 client ok", ask("6 0 client unlink \"dcap://door/y\""));
        assertFalse(Files.exists(root.resolve("y")));
        assertEquals("7 0 client ok", ask("7 0 client rmdir \"dcap://door/d\""));
        String chown = ask("8 0 client chown \"dcap://door/\" -owner=0:0");
        assertTrue(chown.startsWith("8 0 client failed 19 ") && chown.endsWith(" EACCES"), chown);
        String chownMissing = ask("8 0 client chown \"dcap://door/nothing\" -owner=-1:5");
        assertTrue(chownMissing.startsWith("8 0 client failed 2 "), chownMissing);
        String chownBad = ask("8 0 client chown \"dcap://door/\" -owner=root");
        assertTrue(chownBad.startsWith("8 0 client failed 669 "), chownBad);
        String unknown = ask("9 0 client frobnicate \"dcap://door/\"");
        assertTrue(unknown.startsWith("9 0 client failed 669 "), unknown);
    }

    @Test
    void hostileControlLinesGetFailures() throws Exception {
        String longLine = ask("1 0 client stat \"dcap://door/" + "a".repeat(5000) + "\"");
        assertTrue(longLine.startsWith("0 0 client failed 669 "), longLine);
        assertTrue(ask("garbage").startsWith("0 0 client failed 669 "));
        assertEquals("0 0 server welcome 2 47", ask("0 0 client hello 0 0 2 47 14 \"\""));
    }
}
