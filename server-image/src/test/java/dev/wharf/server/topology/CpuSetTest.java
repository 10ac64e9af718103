package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CpuSetTest {

    @Test
    void parsesRangesSinglesAndNewline() {
        CpuSet s = CpuSet.parse("0-3,8,10-11\n");
        assertEquals(List.of(0, 1, 2, 3, 8, 10, 11), s.toList());
        assertEquals("0-3,8,10-11", s.toString());
    }

    @Test
    void emptyTextIsTheEmptySet() {
        assertTrue(CpuSet.parse("").isEmpty());
        assertTrue(CpuSet.parse(" \n").isEmpty());
        assertEquals("", CpuSet.EMPTY.toString());
    }

    @Test
    void strideAsTheKernelAcceptsIt() {
        assertEquals("0,2,4,6", CpuSet.parse("0-7:2").toString());
    }

    @Test
    void canonicalFormMergesAdjacentAndWritesPairsAsRanges() {
        assertEquals("0-5", CpuSet.parse("3,0-2,4-5").toString());
        assertEquals("7-8", CpuSet.of(8, 7).toString());
    }

    @Test
    void refusesGarbageWithTheBadPartNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-3,x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("3-1"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0,,1"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-99999999"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("4:2"));
    }

    @Test
    void hexMaskWithCommaGroups() {
        assertEquals("0-1", CpuSet.parseMask("3").toString());
        assertEquals("0-47", CpuSet.parseMask("ffff,ffffffff").toString());
        assertEquals("4,32", CpuSet.parseMask("00000001,00000010").toString());
    }

    @Test
    void setAlgebra() {
        CpuSet a = CpuSet.parse("0-7");
        CpuSet b = CpuSet.parse("4-11");
        assertEquals("4-7", a.and(b).toString());
        assertEquals("0-11", a.or(b).toString());
        assertEquals("0-3", a.minus(b).toString());
        assertEquals("0-2", a.firstN(3).toString());
        assertEquals(0, a.first());
        assertEquals(7, a.last());
        assertTrue(a.containsAll(CpuSet.of(1, 7)));
    }

    @Test
    void affinityMaskWords() {
        assertArrayEquals(new long[] {0b1011}, CpuSet.parse("0-1,3").toMask());
        assertArrayEquals(new long[] {0, 1}, CpuSet.of(64).toMask());
        assertArrayEquals(new long[] {0}, CpuSet.EMPTY.toMask());
    }

    @Property
    void renderThenParseIsIdentity(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 300) Integer> cpus) {
        CpuSet s = CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray());
        assertEquals(s, CpuSet.parse(s.toString()));
    }
}
