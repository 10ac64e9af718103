package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.StorageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DcapRepliesTest {

    private static DcapRequest request(String line) throws DcapProtocolException {
        return DcapLineParser.parse(line);
    }

    @Test
    void statReplyIsWhatString2statParses() throws Exception {
        FileEntry e = new FileEntry("f", FileEntry.Type.FILE, 5_000_000_000L, Instant.ofEpochSecond(1718000000), 0644, 1,
                "root", "root", 0, 0, 123);
        assertEquals("1 0 client stat -st_size=5000000000 -st_uid=0 -st_gid=0 -st_atime=1718000000 -st_mtime=1718000000"
                + " -st_ctime=1718000000 -st_mode=-rw-r--r-- -st_ino=123 -st_nlink=1",
                DcapReplies.stat(request("1 0 client stat \"dcap://h/f\""), e));
        FileEntry d = new FileEntry("d", FileEntry.Type.DIRECTORY, 4096, Instant.ofEpochSecond(0), 0755, 2, "", "", 0, 0, 1);
        assertEquals("drwxr-xr-x", DcapReplies.modeString(d));
    }

    @Test
    void failuresCarryCodeQuotedMessageAndErrno() throws Exception {
        DcapRequest r = request("7 0 client stat \"dcap://h/missing\"");
        assertEquals("7 0 client failed 2 \"/missing: no such file\" ENOENT",
                DcapReplies.failed(r, DcapFailure.of(new StorageException(StorageException.Reason.NOT_FOUND, "/missing: no such file"))));
        assertEquals("7 0 client failed 19 \"a 'quoted' ?name\" EACCES",
                DcapReplies.failed(r, DcapFailure.denied("a \"quoted\" \nname")));
    }

    @Test
    void otherReplies() throws Exception {
        DcapRequest r = request("2 0 client open \"dcap://h/f\" r -passive");
        assertEquals("2 0 client ok", DcapReplies.ok(r));
        assertEquals("2 0 client connect 127.0.0.1 24001 abc", DcapReplies.connect(r, "127.0.0.1", 24001, "abc"));
        assertEquals("0 0 server welcome 2 47", DcapReplies.welcome());
        assertEquals("5 2 server pong", DcapReplies.pong(request("5 2 client ping")));
    }
}
