package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

/**
 * {@code dcap.discard-uploads} (a benchmark aid): the door answers an upload exactly as usual, its FINs, its
 * ACK of CLOSE and the check of the client's ADLER32 included, but no file and no temporary is left.
 */
class DcapDiscardUploadsTest extends DcapConversationBase {

    @Override
    DcapSettings settings(DcapSettings defaults) {
        return defaults.withDiscardUploads(true);
    }

    @Test
    void anUploadIsAnsweredAsUsualAndLeavesNothing() throws Exception {
        byte[] first = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] second = " world".getBytes(StandardCharsets.US_ASCII);
        Adler32 adler = new Adler32();
        adler.update(first);
        adler.update(second);
        uploadClosedWithAdler32(3, "/discarded.bin", (int) adler.getValue(), first, second);
        assertEquals("3 0 client ok", in.readLine());
        try (var files = Files.list(root)) {
            assertEquals(0, files.count(), "no file and no temporary left");
        }
    }

    @Test
    void theClientsChecksumIsStillChecked() throws Exception {
        uploadClosedWithAdler32(4, "/bad.bin", 0x12345678, "hello".getBytes(StandardCharsets.US_ASCII));
        String reply = in.readLine();
        assertTrue(reply.startsWith("4 0 client failed 44 \"ADLER32 mismatch"), reply);
    }
}
