package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.StorageException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DcapLineParserTest {

    @Test
    void parsesHelloAsLibdcapSendsIt() throws Exception {
        DcapRequest r = DcapLineParser.parse("0 0 client hello 0 0 2 47 14 \"\" -uid=1000 -pid=4711 -gid=1000");
        assertEquals(0, r.sessionId());
        assertEquals("client", r.partner());
        assertEquals("hello", r.verb());
        assertEquals(List.of("0", "0", "2", "47", "14", ""), r.args());
        assertEquals(Optional.of("4711"), r.option("pid"));
    }

    @Test
    void parsesAWriteOpen() throws Exception {
        DcapRequest r = DcapLineParser.parse("2 0 client open \"dcap://door/data/g\" w -mode=0644 -truncate "
                + "127.0.0.1 33115 -timeout=-1 -onerror=default  -alloc-size=5  -uid=1000");
        assertEquals(2, r.sessionId());
        assertEquals(List.of("dcap://door/data/g", "w", "127.0.0.1", "33115"), r.args());
        assertEquals(Optional.of("0644"), r.option("mode"));
        assertTrue(r.hasOption("truncate"));
        assertEquals(Optional.of("-1"), r.option("timeout"));
        OpenRequest open = OpenRequest.parse(r);
        assertEquals("/data/g", open.path());
        assertTrue(open.write());
        assertFalse(open.clientConnects());
        assertEquals(Optional.of(33115), open.callbackPort());
        assertEquals(OpenRequest.DEFAULT_TIMEOUT, open.timeoutSeconds());
    }

    @Test
    void quotedTokensMayContainBlanks() throws Exception {
        DcapRequest r = DcapLineParser.parse("1 0 client stat \"dcap://h/a b\" -uid=0");
        assertEquals("dcap://h/a b", r.args().get(0));
    }

    @Test
    void passiveOpenNeedsNoCallbackPort() throws Exception {
        OpenRequest open = OpenRequest.parse(DcapLineParser.parse("3 0 client open \"dcap://h/f\" r -passive -timeout=5"));
        assertTrue(open.clientConnects());
        assertEquals(5, open.timeoutSeconds());
    }

    @Test
    void readWriteOpensAreWritesThatReadBack() throws Exception {
        OpenRequest rw = OpenRequest.parse(DcapLineParser.parse(
                "4 0 client open \"dcap://h/f\" rw -mode=0644 -truncate h 33115 -timeout=-1 -onerror=default -uid=0"));
        assertTrue(rw.write());
        assertTrue(rw.readBack());
        assertTrue(rw.truncate());
        OpenRequest w = OpenRequest.parse(DcapLineParser.parse("5 0 client open \"dcap://h/f\" w h 1000"));
        assertTrue(w.write());
        assertFalse(w.readBack());
        assertFalse(w.truncate());
        assertFalse(OpenRequest.parse(DcapLineParser.parse("6 0 client open \"dcap://h/f\" r h 1000")).readBack());
        assertThrows(DcapProtocolException.class, () -> OpenRequest.parse(DcapLineParser.parse("7 0 client open \"dcap://h/f\" wr h 1000")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "0 0 client", "x 0 client hello", "0 -1 client hello", "99999999999999999999 0 client stat",
        "1 0 client stat \"dcap://h/unterminated", "1 0 client stat \"dcap://h/\u00e9\"", "1 0 client stat \"a\u0000b\"",
        "1 0 client stat \"a\rb\""})
    void refusesMalformedLines(String line) {
        assertThrows(DcapProtocolException.class, () -> DcapLineParser.parse(line));
    }

    @Test
    void refusesOverlongLines() {
        String line = "1 0 client stat \"dcap://h/" + "a".repeat(DcapLineParser.MAX_LINE) + "\"";
        assertThrows(DcapProtocolException.class, () -> DcapLineParser.parse(line));
    }

    @Test
    void openRefusesBadPortsModesAndMissingFields() throws Exception {
        assertThrows(DcapProtocolException.class, () -> OpenRequest.parse(DcapLineParser.parse("2 0 client open \"dcap://h/f\" r h 70000")));
        assertThrows(DcapProtocolException.class, () -> OpenRequest.parse(DcapLineParser.parse("2 0 client open \"dcap://h/f\" r h 0x10")));
        assertThrows(DcapProtocolException.class, () -> OpenRequest.parse(DcapLineParser.parse("2 0 client open \"dcap://h/f\" x h 1000")));
        assertThrows(DcapProtocolException.class, () -> OpenRequest.parse(DcapLineParser.parse("2 0 client open \"dcap://h/f\" r")));
        assertThrows(DcapProtocolException.class, () -> OpenRequest.parse(DcapLineParser.parse("2 0 client open")));
    }

    @Test
    void urlsBecomeJailPaths() throws Exception {
        assertEquals("/data/a b", DcapUrl.toPath("dcap://door/data/a%20b"));
        assertEquals("/data/f", DcapUrl.toPath("dcap://[::1]:22125/data//./f"));
        assertEquals("/", DcapUrl.toPath("dcap://door"));
        assertEquals("/x/y", DcapUrl.toPath("/x/y"));
        assertEquals("/x", DcapUrl.toPath("gsidcap://door/x"));
        assertEquals("/x", DcapUrl.toPath("gssdcap://door:22725/x")); // libgssTunnel (krbdcap) keeps its prefix
    }

    @Test
    void hostileUrlsAreRefused() {
        assertThrows(StorageException.class, () -> DcapUrl.toPath("dcap://door/../etc/passwd"));
        assertThrows(StorageException.class, () -> DcapUrl.toPath("dcap://door/a/%2e%2e/%2e%2e/etc"));
        assertThrows(StorageException.class, () -> DcapUrl.toPath("dcap://door/a%00b"));
        assertThrows(DcapProtocolException.class, () -> DcapUrl.toPath("dcap://door/a%zz"));
        assertThrows(DcapProtocolException.class, () -> DcapUrl.toPath("dcap://door/a%2"));
        assertThrows(DcapProtocolException.class, () -> DcapUrl.toPath("http://door/a"));
        assertThrows(DcapProtocolException.class, () -> DcapUrl.toPath("gss-dcap://door/a"));
        assertThrows(DcapProtocolException.class, () -> DcapUrl.toPath("relative/path"));
    }

    @Test
    void modesOfMkdirAndChmodAreDecimalOrOctal() throws Exception {
        assertEquals(0755, NamespaceRequests.mode(DcapLineParser.parse("1 0 client mkdir \"dcap://h/d\" -mode=493")));
        assertEquals(0644, NamespaceRequests.mode(DcapLineParser.parse("1 0 client chmod \"dcap://h/d\" -mode=0644")));
        assertThrows(DcapProtocolException.class, () -> NamespaceRequests.mode(DcapLineParser.parse("1 0 client chmod \"dcap://h/d\" -mode=abc")));
        assertThrows(DcapProtocolException.class, () -> NamespaceRequests.mode(DcapLineParser.parse("1 0 client chmod \"dcap://h/d\" -mode=99999")));
        assertThrows(DcapProtocolException.class, () -> NamespaceRequests.mode(DcapLineParser.parse("1 0 client chmod \"dcap://h/d\"")));
    }
}
