package dev.wharf.server.ftp.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.fs.MemoryStorage;
import dev.wharf.server.ftp.CommandLines;
import dev.wharf.server.ftp.FtpCommands;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSession;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.ftp.SessionServices;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Namespace commands as one line in, one reply out, against an in-memory storage: no disk, no sockets. */
class NamespaceCommandsTest {

    ServerContext context;
    MemoryStorage storage;
    FtpSession session;

    @BeforeEach
    void loggedIn() {
        context = TestContexts.create();
        storage = new MemoryStorage(Identity.passwordUser("jane", Set.of()), false)
                .directory("/data").file("/data/run1.dat", "0123456789");
        session = session(storage);
    }

    @AfterEach
    void close() {
        TestContexts.close(context);
    }

    private FtpSession session(MemoryStorage s) {
        SessionServices services = new SessionServices(context, FtpSettings.plain(ConfigFile.of(Map.of())),
                FtpCommands.standard(), null, null, FileChannelOpener.DEFAULT);
        FtpSession fresh = new FtpSession(services, new InetSocketAddress("127.0.0.1", 40000),
                new InetSocketAddress("127.0.0.1", 21));
        fresh.loggedIn(s, "/");
        return fresh;
    }

    private String run(String line) throws FtpException {
        return CommandLines.run(session, line);
    }

    private int refusal(String line) {
        return assertThrows(FtpException.class, () -> run(line)).code();
    }

    @Test
    void makesChangesIntoAndRemovesDirectories() throws Exception {
        assertTrue(run("MKD results").startsWith("257 \"/results\""));
        assertEquals(550, refusal("MKD results"));
        assertTrue(run("CWD /data").startsWith("250"));
        assertEquals("257 \"/data\" is the current directory", run("PWD"));
        assertEquals(550, refusal("CWD run1.dat"));
        assertTrue(run("RMD /results").startsWith("250"));
        assertFalse(storage.exists("/results"));
    }

    @Test
    void sizeAndDeleteOfAFile() throws Exception {
        run("TYPE I");
        assertEquals("213 10", run("SIZE /data/run1.dat"));
        assertEquals(550, refusal("SIZE /data"));
        assertEquals(550, refusal("DELE /data"));
        assertTrue(run("DELE /data/run1.dat").startsWith("250"));
        assertEquals(550, refusal("SIZE /data/run1.dat"));
    }

    @Test
    void renamesMoveContent() throws Exception {
        assertTrue(run("RNFR /data/run1.dat").startsWith("350"));
        assertTrue(run("RNTO /data/run2.dat").startsWith("250"));
        assertEquals("0123456789", storage.content("/data/run2.dat"));
        assertFalse(storage.exists("/data/run1.dat"));
        assertEquals(503, refusal("RNTO /data/run3.dat"));
    }

    @Test
    void aReadOnlySessionChangesNothing() throws Exception {
        MemoryStorage readOnly = new MemoryStorage(Identity.anonymous(), true).directory("/pub");
        session = session(readOnly);
        assertEquals(550, refusal("MKD /pub/new"));
        assertEquals(550, refusal("RMD /pub"));
        assertTrue(readOnly.exists("/pub"));
        assertFalse(readOnly.exists("/pub/new"));
    }
}
