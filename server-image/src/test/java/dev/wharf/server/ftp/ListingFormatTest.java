package dev.wharf.server.ftp;

import dev.wharf.server.net.CidrSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.fs.FileEntry;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure renderers: LIST formats, MLSx facts, replies, CIDR sets, request parsing. */
class ListingFormatTest {

    static final Instant NOW = Instant.parse("2026-06-20T12:00:00Z");
    static final FileEntry FILE = new FileEntry("data.root", FileEntry.Type.FILE, 1234,
            Instant.parse("2026-06-14T09:21:00Z"), 0644, 1, "alice", "users", 1000, 100, 42);
    static final FileEntry DIR = new FileEntry("run1", FileEntry.Type.DIRECTORY, 512,
            Instant.parse("2023-03-05T10:00:00Z"), 0755, 3, "alice", "users", 1000, 100, 43);

    @Test
    void lsLongAlignsColumnsAndShowsYearForOldEntries() {
        String out = LsLongPrinter.render(List.of(FILE, DIR), NOW);
        assertEquals("-rw-r--r-- 1 alice users 1234 Jun 14 09:21 data.root\r\n"
                + "drwxr-xr-x 3 alice users  512 Mar  5  2023 run1\r\n", out);
    }

    @Test
    void legacyShowsTheUsersRights() {
        String out = LegacyPrinter.render(List.of(FILE, DIR),
                List.of(new LegacyPrinter.Rights(true, false, false), new LegacyPrinter.Rights(true, true, true)), "bob", NOW);
        assertEquals("-r--------  1 bob        bob                1234 Jun 14 09:21 data.root\r\n"
                + "drwx------  1 bob        bob                 512 Mar  5  2023 run1\r\n", out);
    }

    @Test
    void mlsxFacts() {
        assertEquals("Type=file;Size=1234;Modify=20260614092100;Perm=r;Unique=2a;UNIX.mode=0644;UNIX.owner=alice;"
                + "UNIX.group=users; data.root",
                MlsxFacts.render(FILE, "r", new LinkedHashSet<>(FtpSession.MLST_FACTS), "data.root"));
        assertEquals("MLST Type*;Size*;Modify*;Perm*;Unique*;UNIX.mode*;UNIX.owner*;UNIX.group*;",
                MlsxFacts.feature(new LinkedHashSet<>(FtpSession.MLST_FACTS)));
    }

    @Test
    void repliesRenderSingleAndMultiLine() {
        assertEquals("200 ok\r\n", FtpReply.of(200, "ok").render());
        assertEquals("211-a\r\n b\r\n c\r\n211 d\r\n", FtpReply.multi(211, "a", List.of("b", " c"), "d").render());
        assertEquals("550 a  b\r\n", FtpReply.of(550, "a\r\nb").render(), "no reply injection through names");
    }

    @Test
    void cidrSets() throws Exception {
        CidrSet set = CidrSet.parse(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1"));
        assertTrue(set.allows(InetAddress.getByName("10.200.3.4")));
        assertTrue(set.allows(InetAddress.getByName("2001:db8:1::5")));
        assertTrue(set.allows(InetAddress.getByName("192.0.2.1")));
        assertTrue(set.allows(InetAddress.getByName("::ffff:10.1.1.1")));
        assertFalse(set.allows(InetAddress.getByName("192.0.2.2")));
        assertFalse(set.allows(InetAddress.getByName("2001:db9::1")));
        assertTrue(CidrSet.EVERYONE.allows(InetAddress.getByName("8.8.8.8")));
        org.junit.jupiter.api.Assertions.assertThrows(dev.wharf.server.config.ConfigException.class,
                () -> CidrSet.parse(List.of("example.org")));
    }

    @Test
    void requestsKeepSpacesInArguments() {
        assertEquals(new FtpRequest("STOR", "my file.txt"), FtpRequest.parse("stor my file.txt"));
        assertEquals(new FtpRequest("PWD", ""), FtpRequest.parse("PWD"));
        assertEquals("PASS ****", FtpRequest.parse("PASS secret").toString());
        assertEquals("dir", Listings.stripOptions("-la dir"));
    }
}
