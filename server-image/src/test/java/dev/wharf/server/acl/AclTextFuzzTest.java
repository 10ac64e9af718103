package dev.wharf.server.acl;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** A .grid-acl in the text form: any content is entries or Malformed (fail closed), never an exception. */
class AclTextFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyTextIsEntriesOrMalformed(byte[] input) {
        AclParse parse = AclTextParser.parse(new String(input, StandardCharsets.UTF_8));
        if (parse == null) {
            throw new AssertionError("no result");
        }
    }
}
