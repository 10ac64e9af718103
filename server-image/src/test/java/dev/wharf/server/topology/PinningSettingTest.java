package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import org.junit.jupiter.api.Test;

class PinningSettingTest {

    @Test
    void keywords() {
        assertSame(PinningSetting.AUTO, PinningSetting.parse("auto"));
        assertSame(PinningSetting.AUTO, PinningSetting.parse(""));
        assertSame(PinningSetting.NONE, PinningSetting.parse("None"));
        assertSame(PinningSetting.NONE, PinningSetting.parse("off"));
    }

    @Test
    void explicitMap() {
        PinningSetting s = PinningSetting.parse("net:0-1;disk:2-3;control:4");
        assertEquals(PinningSetting.Mode.EXPLICIT, s.mode());
        assertEquals("0-1", s.explicit().get(Role.NET).toString());
        assertEquals("4", s.explicit().get(Role.CONTROL).toString());
        assertEquals("net:0-1;disk:2-3;control:4", s.toString());
        assertEquals("net:0,2,4", PinningSetting.parse(" NET : 0,2,4 ; ").toString());
    }

    @Test
    void badMapsNameTheProblem() {
        assertMessage("net:0-1;gpu:3", "unknown role 'gpu'");
        assertMessage("net:0-1;net:2", "given twice");
        assertMessage("net", "is not ROLE:CPUS");
        assertMessage("disk:x", "'x' is not a CPU number");
        assertMessage("disk:", "has no CPUs");
        assertMessage(";", "no role given");
    }

    private static void assertMessage(String value, String part) {
        ConfigException e = assertThrows(ConfigException.class, () -> PinningSetting.parse(value));
        assertTrue(e.getMessage().startsWith("threads.pinning = "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
