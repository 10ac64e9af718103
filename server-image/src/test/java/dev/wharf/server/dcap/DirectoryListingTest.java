package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.FileEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryListingTest {

    private static FileEntry entry(String name, FileEntry.Type type, long size, long inode) {
        return new FileEntry(name, type, size, Instant.EPOCH, 0644, 1, "o", "g", 0, 0, inode);
    }

    private static String render(FileEntry... entries) {
        return new String(DirectoryListing.render(List.of(entries)), StandardCharsets.UTF_8);
    }

    @Test
    void oneLinePerEntryAsDcacheWritesThem() {
        assertEquals("17:f:5:a.txt\n18:d:4096:sub\n19:f:0:sp ace:colon\n", render(
                entry("a.txt", FileEntry.Type.FILE, 5, 17),
                entry("sub", FileEntry.Type.DIRECTORY, 4096, 18),
                entry("sp ace:colon", FileEntry.Type.FILE, 0, 19)));
        assertEquals("", render());
    }

    @Test
    void namesWithLineBreaksAreLeftOut() {
        assertEquals("2:f:1:ok\n", render(entry("bad\nname", FileEntry.Type.FILE, 1, 1),
                entry("ok", FileEntry.Type.FILE, 1, 2), entry("cr\r", FileEntry.Type.FILE, 1, 3)));
    }

    @Test
    void noLineOutgrowsLibdcapsBuffer() {
        String longest = "n".repeat(255);
        String line = render(entry(longest, FileEntry.Type.FILE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals("0:f:0:" + longest + "\n", line, "id and size dropped to fit 286 bytes");
        assertTrue(line.length() - 1 <= DirectoryListing.MAX_LINE);
        String multibyte = "\u00e9".repeat(141); // 282 bytes of UTF-8: too long even in the short form
        assertEquals("", render(entry(multibyte, FileEntry.Type.FILE, 1, 1)));
    }
}
