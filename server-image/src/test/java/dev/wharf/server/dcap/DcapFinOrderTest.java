package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.FullDiskChannel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A WRITE's FIN vouches for its blocks (docs/dcap.md "When libdcap waits"), whichever thread writes them:
 * while a write is held back (here by the test's disk) the FIN is not sent, a request sent right behind
 * the trailer is answered after that FIN, and a disk that fills up while blocks are still queued fails
 * that WRITE's FIN and the CLOSE, leaving nothing.
 */
class DcapFinOrderTest extends DcapConversationBase {

    private static final long CAPACITY = 100_000;
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    FileChannelOpener opener() {
        return FullDiskChannel.opener(CAPACITY, () -> {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void theFinWaitsForItsWritesAndACloseSentBehindTheTrailerIsAnsweredAfterIt() throws Exception {
        byte[] block = new byte[30_000];
        Arrays.fill(block, (byte) 'x');
        try (Socket data = openPassive(5, "/held.bin", "w -mode=0644 -truncate")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            sendWrite(o, i, block, block);
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            o.flush();
            data.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, i::readInt, "no FIN while the write is held");
            data.setSoTimeout(10_000);
            released.countDown();
            expectStatus(i, DataRequest.FIN, DataRequest.WRITE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        assertEquals("5 0 client ok", in.readLine());
        byte[] expected = new byte[60_000];
        Arrays.fill(expected, (byte) 'x');
        assertArrayEquals(expected, Files.readAllBytes(root.resolve("held.bin")));
    }

    @Test
    void aDiskThatFillsWhileBlocksAreInFlightFailsThatWriteAndTheClose() throws Exception {
        byte[] block = new byte[40_000];
        try (Socket data = openPassive(6, "/full.bin", "w -mode=0644 -truncate")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            sendWrite(o, i, block, block, block, block); // the third block crosses 100,000 bytes
            o.flush();
            released.countDown();
            expectFailedFin(i, DataReplies.ERROR_RESOURCE);
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        expectNoSpaceAndNothingLeft(6);
    }
}
