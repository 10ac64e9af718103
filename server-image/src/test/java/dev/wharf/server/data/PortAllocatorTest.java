package dev.wharf.server.data;

import dev.wharf.config.PortRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutEveryPortOnceThenNone() {
        PortAllocator a = new PortAllocator(new PortRange(40000, 40009));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            int p = a.reserve();
            assertTrue(p >= 40000 && p <= 40009);
            assertTrue(seen.add(p));
        }
        assertEquals(-1, a.reserve());
        a.release(40003);
        assertEquals(40003, a.reserve());
    }

    @Test
    void portsHeldByOtherProcessesAreSkippedForAWhile() {
        PortAllocator a = new PortAllocator(new PortRange(40000, 40001));
        int first = a.reserve();
        a.releaseForeign(first);
        int other = a.reserve();
        assertNotEquals(first, other);
        assertEquals(-1, a.reserve(), "the foreign port is cooling down");
        assertEquals(1, a.reservedCount());
    }

    @Test
    void startsAtRandomPorts() {
        Set<Integer> firsts = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            PortAllocator a = new PortAllocator(new PortRange(20000, 25000));
            firsts.add(a.reserve());
        }
        assertTrue(firsts.size() > 10, "random start: " + firsts);
    }

    @Test
    void parsesRanges() {
        assertEquals(new PortRange(20000, 25000), PortRange.parse("20000-25000"));
        assertEquals(new PortRange(1, 2), PortRange.parse("1:2"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("25000-20000"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("x"));
    }
}
