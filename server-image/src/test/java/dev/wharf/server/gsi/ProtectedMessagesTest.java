package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ProtectedMessages.Protection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectedMessagesTest {

    @TempDir
    static Path tmp;
    static GsiService service;
    static TestPki pki;
    GsiAcceptor server;
    GsiInitiator client;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(tmp.resolve("certificates"));
        service = GsiService.start(pki.settings(tmp, List.of("TLSv1.2")));
    }

    /** Each test gets its own context pair: records must be unwrapped in the order they were wrapped. */
    @BeforeEach
    void establish() throws Exception {
        server = service.newAcceptor();
        client = GsiAcceptorTest.initiator(pki.user(), "TLSv1.2", null, service.validator(), GsiAcceptor.Mode.GSI);
        GsiAcceptorTest.exchange(server, client);
    }

    private String clientWraps(String text) throws Exception {
        return ProtectedMessages.encodeToken(client.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String clientUnwraps(String line) throws Exception {
        return new String(client.unwrap(ProtectedMessages.decodeToken(line.substring(4))), StandardCharsets.UTF_8);
    }

    @Test
    void unwrapsCommandsWithoutCrlfAndTrailingNuls() throws Exception {
        assertEquals("USER :globus-mapping:", ProtectedMessages.unwrapCommand(server, clientWraps("USER :globus-mapping:\r\n")));
        assertEquals("PASS dummy", ProtectedMessages.unwrapCommand(server, clientWraps("PASS dummy\r\n\0\0")));
        assertEquals("CWD /a b", ProtectedMessages.unwrapCommand(server, "  " + clientWraps("CWD /a b\r\n") + " "));
    }

    @Test
    void malformedBase64IsAnArgumentError() {
        assertThrows(IllegalArgumentException.class, () -> ProtectedMessages.unwrapCommand(server, "not*base64"));
        assertEquals("missing base64 token",
                assertThrows(IllegalArgumentException.class, () -> ProtectedMessages.decodeToken(" ")).getMessage());
    }

    @Test
    void aMultiLineReplyTravelsInOneToken() throws Exception {
        String feat = "211-Features:\r\n DCAU\r\n PARALLEL\r\n211 End.\r\n";
        List<String> lines = ProtectedMessages.wrapReply(server, Protection.ENC, feat);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("632 "));
        assertEquals(feat, clientUnwraps(lines.get(0)));
        String mic = ProtectedMessages.wrapReply(server, Protection.MIC, "200 OK").get(0);
        assertTrue(mic.startsWith("631 "));
        assertEquals("200 OK\r\n", clientUnwraps(mic));
    }

    @Test
    void aReplyLargerThanOneRecordIsSplitAtLineBoundaries() throws Exception {
        StringBuilder listing = new StringBuilder("250-Listing\r\n");
        for (int i = 0; i < 1000; i++) {
            listing.append(" type=file;size=").append(i).append("; file-number-").append(i).append("\r\n");
        }
        listing.append("250 End\r\n");
        List<String> lines = ProtectedMessages.wrapReply(server, Protection.ENC, listing.toString());
        assertTrue(lines.size() > 1, "split into several tokens");
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).startsWith(i + 1 < lines.size() ? "632-" : "632 "), lines.get(i).substring(0, 4));
            String part = clientUnwraps(lines.get(i));
            assertTrue(part.endsWith("\r\n"), "parts end at a line boundary");
            joined.append(part);
        }
        assertEquals(listing.toString(), joined.toString());
    }

    @Test
    void protectionVerbs() {
        assertEquals(Protection.ENC, Protection.forVerb("enc"));
        assertEquals(633, Protection.forVerb("CONF").replyCode());
        assertNull(Protection.forVerb("PBSZ"));
    }

    @Test
    void perLineSplittingWrapsEachLineOnItsOwnAndMarksAllButTheLast() throws Exception {
        java.util.List<String> out = ProtectedMessages.wrapReply(plain -> plain, ProtectedMessages.Protection.MIC,
                "211-Features:\r\n UTF8\r\n211 End\r\n", ProtectedMessages.Split.LINES);
        assertEquals(3, out.size(), out.toString());
        assertTrue(out.get(0).startsWith("631-") && out.get(1).startsWith("631-") && out.get(2).startsWith("631 "), out.toString());
        assertEquals("211 End\r\n", new String(ProtectedMessages.decodeToken(out.get(2).substring(4)),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
