package dev.wharf.server.acl;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * A .grid-acl in SlashGrid's XML form: any content is entries or Malformed (fail closed), never an
 * exception; the seeds include a DOCTYPE with an external entity.
 */
class AclXmlFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyXmlIsEntriesOrMalformed(byte[] input) {
        AclParse parse = AclXmlParser.parse(new String(input, StandardCharsets.UTF_8));
        if (parse == null) {
            throw new AssertionError("no result");
        }
    }
}
