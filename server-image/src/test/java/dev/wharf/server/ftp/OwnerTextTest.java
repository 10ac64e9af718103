package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.FileEntry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.parser.MLSxEntryParser;
import org.apache.commons.net.ftp.parser.UnixFTPEntryParser;
import org.junit.jupiter.api.Test;

/**
 * Owners with spaces (grid DNs) in listings, read back with commons-net's own parsers: the LIST line
 * must still split into the right columns, the MLSD line into the right facts and name.
 */
class OwnerTextTest {

    static final Instant NOW = Instant.parse("2026-06-20T12:00:00Z");
    static final String JANE = "/DC=org/DC=example/CN=Jane Doe";

    static FileEntry owned(String name, String owner, long size) {
        return new FileEntry(name, FileEntry.Type.FILE, size, Instant.parse("2026-06-14T09:21:00Z"), 0644, 1,
                owner, "users", 1000, 100, 42);
    }

    @Test
    void listColumnIsAShortFormWithoutWhitespace() {
        assertEquals("alice", OwnerText.column("alice"));
        assertEquals("Jane_Doe", OwnerText.column(JANE));
        assertEquals("jdoe", OwnerText.column("/O=Grid/CN=jdoe"));
        assertEquals("Jane_Doe", OwnerText.column("/O=Grid/CN=Jane \t Doe"));
        assertEquals("a_b", OwnerText.column("a\nb"));
        assertEquals("_", OwnerText.column(" "));
        assertEquals("/O=Grid/CN=", OwnerText.column("/O=Grid/CN="), "no value to shorten to: the whole DN");
    }

    @Test
    void factValuesArePercentEncoded() {
        assertEquals("/DC%3Dorg/DC%3Dexample/CN%3DJane%20Doe", OwnerText.fact(JANE));
        assertEquals("alice", OwnerText.fact("alice"));
        assertEquals("a%3Bb%25c%0A", OwnerText.fact("a;b%c\n"));
        assertEquals("J%C3%B6rg", OwnerText.fact("Jörg"));
    }

    @Test
    void commonsNetParsesLsLongLinesWithDnOwners() {
        String listing = LsLongPrinter.render(List.of(owned("with space.txt", JANE, 1234), owned("plain", "bob", 5)), NOW);
        UnixFTPEntryParser parser = new UnixFTPEntryParser();
        List<FTPFile> files = Arrays.stream(listing.split("\r\n")).map(parser::parseFTPEntry).toList();
        assertNotNull(files.get(0), listing);
        assertEquals("Jane_Doe", files.get(0).getUser());
        assertEquals("users", files.get(0).getGroup());
        assertEquals(1234, files.get(0).getSize());
        assertEquals("with space.txt", files.get(0).getName());
        assertEquals("bob", files.get(1).getUser());
        assertEquals("plain", files.get(1).getName());
    }

    @Test
    void commonsNetParsesMlsdLinesWithDnOwners() {
        String line = MlsxFacts.render(owned("a; name", JANE, 7), "r", new java.util.LinkedHashSet<>(
                List.of("Type", "Size", "UNIX.owner", "UNIX.group")), "a; name");
        assertEquals("Type=file;Size=7;UNIX.owner=/DC%3Dorg/DC%3Dexample/CN%3DJane%20Doe;UNIX.group=users; a; name", line);
        FTPFile file = MLSxEntryParser.parseEntry(line);
        assertNotNull(file, line);
        assertEquals("a; name", file.getName());
        assertEquals(7, file.getSize());
        assertEquals("/DC%3Dorg/DC%3Dexample/CN%3DJane%20Doe", file.getUser());
        String facts = line.substring(0, line.indexOf(' '));
        assertTrue(Set.of(facts.split(";")).stream().allMatch(f -> f.split("=", -1).length == 2), facts);
    }
}
