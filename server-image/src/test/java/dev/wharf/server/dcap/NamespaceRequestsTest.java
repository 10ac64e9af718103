package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.MemoryStorage;
import dev.wharf.server.fs.StorageException;
import dev.wharf.server.fs.StorageException.Reason;
import org.junit.jupiter.api.Test;

/** dCap's name-space requests as request line in, reply line out, against an in-memory storage. */
class NamespaceRequestsTest {

    final MemoryStorage storage = new MemoryStorage(Identity.anonymous(), false)
            .directory("/data").file("/data/f", "12345");

    private String run(String line) throws Exception {
        return NamespaceRequests.execute(storage, DcapLineParser.parse(line));
    }

    @Test
    void mkdirWithModeRenameAndUnlink() throws Exception {
        assertEquals("3 0 client ok", run("3 0 client mkdir \"dcap://h/data/sub\" -mode=448"));
        assertEquals(0700, storage.stat("/data/sub").mode());
        assertEquals("4 0 client ok", run("4 0 client rename \"dcap://h/data/f\" \"dcap://h/data/sub/g\""));
        assertEquals("12345", storage.content("/data/sub/g"));
        assertEquals(Reason.IS_DIRECTORY, assertThrows(StorageException.class,
                () -> run("5 0 client unlink \"dcap://h/data/sub\"")).reason());
        assertEquals("6 0 client ok", run("6 0 client unlink \"dcap://h/data/sub/g\""));
        assertFalse(storage.exists("/data/sub/g"));
    }

    @Test
    void statAnswersFromTheStorageAndChownIsRefused() throws Exception {
        assertTrue(run("7 0 client stat \"dcap://h/data/f\"").contains("-st_size=5"), run("7 0 client stat \"dcap://h/data/f\""));
        assertTrue(run("8 0 client chown \"dcap://h/data/f\" -owner=1000:1000").contains("failed 19"));
        assertEquals(Reason.NOT_FOUND, assertThrows(StorageException.class,
                () -> run("9 0 client stat \"dcap://h/data/none\"")).reason());
    }
}
