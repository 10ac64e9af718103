package dev.wharf.server.gridftp.modee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRangesTest {

    @Test
    void mergesOverlappingAndAdjacentRanges() {
        ByteRanges r = new ByteRanges();
        r.add(100, 200);
        r.add(0, 50);
        r.add(50, 100);
        r.add(300, 400);
        r.add(350, 500);
        assertEquals("0-200,300-500", r.toString());
    }

    @Test
    void parsesRestRangesAndListsWhatIsMissing() {
        ByteRanges have = ByteRanges.parse("0-1000,2000-3000");
        List<long[]> missing = have.missing(4000);
        assertEquals(2, missing.size());
        assertEquals("1000-2000", missing.get(0)[0] + "-" + missing.get(0)[1]);
        assertEquals("3000-4000", missing.get(1)[0] + "-" + missing.get(1)[1]);
        assertEquals(0, ByteRanges.parse("0-10").missing(10).size());
        assertEquals(1, ByteRanges.parse("5-10").missing(8).size());
    }

    @Test
    void refusesMalformedRanges() {
        assertThrows(IllegalArgumentException.class, () -> ByteRanges.parse("10-5"));
        assertThrows(IllegalArgumentException.class, () -> ByteRanges.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> ByteRanges.parse("-5-10"));
    }
}
