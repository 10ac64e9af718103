package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ftp.RecordingMetrics;
import dev.wharf.server.metrics.ServerMetrics;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * dCap counts its transfers with the outcomes every door uses (docs/server.md): completed, aborted
 * (the client closed the data connection before CLOSE), failed (a protocol violation).
 */
class DcapTransferOutcomeTest extends DcapConversationBase {

    private final RecordingMetrics recorded = new RecordingMetrics();

    @Override
    ServerMetrics metrics() {
        return recorded;
    }

    private void await(String key) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (recorded.get(key) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, recorded.get(key), recorded.toString());
    }

    @Test
    void completedAbortedAndFailed() throws Exception {
        publicFile("f.bin", "content".getBytes());
        try (Socket data = openPassive(1, "/f.bin", "r")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        assertEquals("1 0 client ok", in.readLine());
        await("transfer:dcap:OUT:completed");

        try (Socket data = openPassive(2, "/f.bin", "r")) {
            data.getOutputStream().flush(); // and gone before CLOSE
        }
        assertTrue(in.readLine().startsWith("2 0 client failed"));
        await("transfer:dcap:OUT:aborted");

        try (Socket data = openPassive(3, "/f.bin", "r")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            o.writeInt(4); o.writeInt(9999); // no such opcode
            o.flush();
            assertTrue(in.readLine().startsWith("3 0 client failed 669"));
        }
        await("transfer:dcap:OUT:failed");
        assertEquals(0, recorded.get("transfer:dcap:OUT:success") + recorded.get("transfer:dcap:OUT:failure"));
    }
}
