package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The hostile data-channel sequences of issue 15 on the plain (anonymous) door: holes the size of a
 * disk and READV amplification are refused with an error reply, and the data connection goes on.
 */
class DcapHostileDataTest extends DcapConversationBase {

    private static final long ONE_TIB = 1L << 40;

    /** An error reply: length, kind, command, code, message; returns the code. */
    static int readError(DataInputStream i, int command) throws Exception {
        int length = i.readInt();
        i.readInt(); // ACK or FIN
        assertEquals(command, i.readInt());
        int code = i.readInt();
        i.skipBytes(length - 12);
        return code;
    }

    @Test
    void anAnonymousWriteMayNotSeekATebibyteAhead() throws Exception {
        byte[] head = "head".getBytes();
        try (Socket data = openPassive(7, "/holey", "w -mode=0644 -truncate")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            write(o, i, head);
            o.writeInt(16); o.writeInt(DataRequest.SEEK_AND_WRITE); o.writeLong(ONE_TIB); o.writeInt(DataRequest.SEEK_SET);
            assertEquals(DataReplies.ERROR_SEEK, readError(i, DataRequest.SEEK_AND_WRITE));
            o.writeInt(16); o.writeInt(DataRequest.SEEK); o.writeLong(ONE_TIB); o.writeInt(DataRequest.SEEK_CUR);
            assertEquals(DataReplies.ERROR_SEEK, readError(i, DataRequest.SEEK));
            write(o, i, "tail".getBytes()); // the connection goes on, at the old position
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        assertEquals("7 0 client ok", in.readLine());
        assertEquals(8, Files.size(root.resolve("holey")), "no sparse tebibyte was committed");
    }

    @Test
    void oneReadvMayNotAskForMoreThanItsLimit() throws Exception {
        byte[] content = new byte[100_000];
        java.util.Arrays.fill(content, (byte) 'x');
        Path file = publicFile("small.bin", content);
        int ranges = 2048; // 24 KiB of request, 200 MB of answer
        assertTrue((long) ranges * content.length > MoverReads.MAX_READV_BYTES);
        try (Socket data = openPassive(8, "/" + file.getFileName(), "r")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            o.writeInt(8 + 12 * ranges); o.writeInt(DataRequest.READV); o.writeInt(ranges);
            for (int k = 0; k < ranges; k++) {
                o.writeLong(0); o.writeInt(content.length);
            }
            assertEquals(DataReplies.ERROR_PROTOCOL, readError(i, DataRequest.READV));
            // the connection goes on: an honest READ is served
            o.writeInt(12); o.writeInt(DataRequest.READ); o.writeLong(10);
            expectStatus(i, DataRequest.ACK, DataRequest.READ);
            assertArrayEquals("xxxxxxxxxx".getBytes(), readData(i, true, -1));
            expectStatus(i, DataRequest.FIN, DataRequest.READ);
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        assertEquals("8 0 client ok", in.readLine());
    }
}
