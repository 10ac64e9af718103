package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {

    private static final List<MountInfo.Mount> MOUNTS = MountInfo.parse(List.of(
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
            "60 27 259:1 / /data rw,noatime shared:30 master:2 - xfs /dev/nvme0n1p1 rw,attr2",
            "61 60 0:40 /sub /data/tmp rw - tmpfs tmpfs rw",
            "62 27 259:3 / /data2 rw - xfs /dev/nvme1n1 rw",
            "64 60 259:1 /with\\040space /data/a\\040b rw - xfs /dev/nvme0n1p1 rw",
            "65 27 8:1 / /data rw - ext4 /dev/sda1 rw"));

    @Test
    void parsesOptionalFieldsAndEscapes() {
        MountInfo.Mount m = MOUNTS.get(1);
        assertEquals(259, m.major());
        assertEquals(1, m.minor());
        assertEquals("/data", m.mountPoint());
        assertEquals("xfs", m.fsType());
        assertEquals("/dev/nvme0n1p1", m.source());
        assertEquals("rw,attr2", m.superOptions());
        assertEquals("/data/a b", MOUNTS.get(4).mountPoint());
        assertEquals("/with space", MOUNTS.get(4).root());
    }

    @Test
    void longestPrefixWinsAndPrefixMustEndAtASlash() {
        assertEquals("/data/tmp", MountInfo.mountOf(MOUNTS, "/data/tmp/x").orElseThrow().mountPoint());
        assertEquals("/data2", MountInfo.mountOf(MOUNTS, "/data2/f").orElseThrow().mountPoint());
        assertEquals("/", MountInfo.mountOf(MOUNTS, "/datax").orElseThrow().mountPoint());
        assertEquals("/data/a b", MountInfo.mountOf(MOUNTS, "/data/a b/c").orElseThrow().mountPoint());
    }

    @Test
    void laterMountOnTheSamePointHidesTheEarlier() {
        assertEquals("8:1", MountInfo.mountOf(MOUNTS, "/data/file").orElseThrow().device());
    }

    @Test
    void malformedLinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MountInfo.parse(List.of("1 2 3")));
        assertThrows(IllegalArgumentException.class,
                () -> MountInfo.parse(List.of("1 0 x:y / / rw - ext4 /dev/a rw")));
        assertTrue(MountInfo.parse(List.of("", " ")).isEmpty());
    }
}
