package dev.wharf.server.dcap;


import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.FullDiskChannel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A write that fails (here: the disk fills up after 8 bytes) is reported in that WRITE's FIN, fails the
 * CLOSE, and leaves neither the file nor its temporary.
 */
class DcapFullDiskTest extends DcapConversationBase {

    @Override
    FileChannelOpener opener() {
        return FullDiskChannel.opener(8);
    }

    @Test
    void theFailedWriteIsReportedAndNothingIsCommitted() throws Exception {
        try (Socket data = openPassive(3, "/full.bin", "w -mode=0644 -truncate")) {
            DataOutputStream o = new DataOutputStream(data.getOutputStream());
            DataInputStream i = new DataInputStream(data.getInputStream());
            write(o, i, "hello".getBytes(StandardCharsets.US_ASCII));
            sendWrite(o, i, " world".getBytes(StandardCharsets.US_ASCII));
            expectFailedFin(i, DataReplies.ERROR_RESOURCE);
            o.writeInt(4); o.writeInt(DataRequest.CLOSE);
            expectStatus(i, DataRequest.ACK, DataRequest.CLOSE);
        }
        expectNoSpaceAndNothingLeft(3);
    }
}
