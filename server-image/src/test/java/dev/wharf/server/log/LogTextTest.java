package dev.wharf.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff",
            "\u0000", "\t", "\u009b"})
    void everyLineBreakingOrHidingCharacterIsEscaped(String bad) {
        String escaped = LogText.clean("eve" + bad + "login user=admin");
        assertEquals("eve" + String.format("\\u%04X", (int) bad.charAt(0)) + "login user=admin", escaped);
    }

    @Test
    void loneSurrogatesAreEscapedPairsAreKept() {
        assertEquals("a\\uD800b", LogText.clean("a\ud800b"));
        assertEquals("a\\uDC00", LogText.clean("a\udc00"));
        assertEquals("\ud83d\ude00 ok", LogText.clean("\ud83d\ude00 ok"));
    }

    @Test
    void plainTextIsReturnedAsItIsAndLongTextIsBounded() {
        String dn = "/C=UK/O=eScience/CN=J\\xC3\\xA9r\\xC3\\xB4me";
        assertSame(dn, LogText.escape(dn, 100));
        assertEquals("x".repeat(LogText.SHORT) + "...", LogText.clean("x".repeat(1000)));
        assertEquals("", LogText.clean(null));
    }
}
