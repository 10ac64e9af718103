package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FtpReplyTest {

    @Test
    void repliesEndInCrlfUnlessTheyCarryATokenForCurl() {
        assertEquals("235 ADAT=YWJj\r\n", FtpReply.of(235, "ADAT=YWJj").render());
        // curl 7.88 keeps the CR in the line it base64-decodes and refuses the token (docs/kerberos.md)
        assertEquals("235 ADAT=YWJj\n", FtpReply.of(235, "ADAT=YWJj").withBareLf().render());
        assertEquals("211-a\n b\n211 c\n", FtpReply.multi(211, "a", List.of("b"), "c").withBareLf().render());
    }
}
