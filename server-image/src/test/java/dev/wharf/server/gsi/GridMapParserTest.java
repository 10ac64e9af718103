package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GridMapParserTest {

    private static GridMap parse(String... lines) {
        return GridMapParser.parse(List.of(lines), "grid-mapfile");
    }

    private static String error(String line) {
        return assertThrows(ConfigException.class, () -> parse("# header", line)).getMessage();
    }

    @Test
    void mapsQuotedDnsToAccountsFirstIsDefault() {
        GridMap map = parse(
                "# comment",
                "",
                "   \"/DC=org/DC=example/O=Example/CN=Jane Doe\" jdoe",
                "\"/C=DE/O=GermanGrid/OU=DESY/CN=Some User\" user1,user2     # trailing words are ignored");
        assertEquals(Optional.of("jdoe"), map.defaultAccount("/DC=org/DC=example/O=Example/CN=Jane Doe"));
        assertEquals(Optional.of("user1"), map.defaultAccount("/C=DE/O=GermanGrid/OU=DESY/CN=Some User"));
        assertTrue(map.permits("/C=DE/O=GermanGrid/OU=DESY/CN=Some User", "user2"));
        assertFalse(map.permits("/C=DE/O=GermanGrid/OU=DESY/CN=Some User", "jdoe"));
        assertEquals(Optional.empty(), map.defaultAccount("/CN=Nobody"));
        assertEquals(2, map.size());
    }

    @Test
    void unquotedDnRunsToWhitespace() {
        GridMap map = parse("/O=Grid/CN=NoSpaces acct");
        assertEquals(Optional.of("acct"), map.defaultAccount("/O=Grid/CN=NoSpaces"));
    }

    @Test
    void decodesEscapesInsideTheDn() {
        GridMap map = parse("\"/O=Say \\\"Hi\\\"/CN=Back\\\\slash/CN=J\\xc3\\xbcrgen\" a",
                "\"/O=Grid/CN=Jürgen Raw\" b");
        assertEquals(Optional.of("a"), map.defaultAccount("/O=Say \"Hi\"/CN=Back\\slash/CN=J\\xC3\\xBCrgen"));
        assertEquals(Optional.of("b"), map.defaultAccount("/O=Grid/CN=J\\xC3\\xBCrgen Raw"));
    }

    @Test
    void matchesCaseInsensitivelyWithOldAttributeSpellings() {
        GridMap map = parse("\"/O=Grid/CN=Jane/Email=jane@x.org/USERID=jd\" jane");
        assertEquals(Optional.of("jane"), map.defaultAccount("/o=grid/CN=JANE/emailAddress=jane@x.org/UID=jd"));
    }

    @Test
    void firstLineForADnWins() {
        GridMap map = parse("\"/CN=A\" first", "\"/CN=A\" second");
        assertEquals(Optional.of("first"), map.defaultAccount("/CN=A"));
    }

    @Test
    void refusesMalformedLinesNamingTheLine() {
        assertEquals("grid-mapfile:2: the closing quote of the DN is missing", error("\"/CN=A jdoe"));
        assertEquals("grid-mapfile:2: no account follows the DN", error("\"/CN=A\""));
        assertEquals("grid-mapfile:2: no account follows the DN", error("\"/CN=A\"    "));
        assertEquals("grid-mapfile:2: no account follows the DN", error("/CN=A"));
        assertEquals("grid-mapfile:2: empty account name in the account list", error("\"/CN=A\" a,,b"));
        assertEquals("grid-mapfile:2: empty DN", error("\"\" a"));
    }
}
