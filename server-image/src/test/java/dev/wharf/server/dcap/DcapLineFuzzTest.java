package dev.wharf.server.dcap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** A dCap control line: a request or a DcapProtocolException (the door replies and carries on), nothing else. */
class DcapLineFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyLineIsARequestOrAProtocolError(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        try {
            DcapRequest request = DcapLineParser.parse(line);
            if (request.verb() == null) {
                throw new AssertionError("a request without a verb from " + line);
            }
        } catch (DcapProtocolException e) {
            // refused: the door answers with a protocol failure
        }
    }
}
