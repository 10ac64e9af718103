package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessDecision;
import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CKSM and HASH (with OPTS HASH and FEAT) on the plain FTP door's table, which ftps and gsiftp build on. */
class ChecksumCommandsTest {

    @TempDir
    Path root;
    ServerContext context;
    FtpSession session;

    @BeforeEach
    void loggedIn() throws Exception {
        context = TestContexts.create();
        session = session(AccessPolicy.ALLOW_ALL);
    }

    @AfterEach
    void close() {
        TestContexts.close(context);
    }

    private FtpSession session(AccessPolicy policy) throws Exception {
        return CommandSessions.loggedIn(context, FtpSettings.plain(ConfigFile.of(Map.of())), FtpCommands.standard(),
                root, policy);
    }

    private String run(String line) throws FtpException {
        return run(session, line);
    }

    private static String run(FtpSession s, String line) throws FtpException {
        return CommandSessions.run(s, line);
    }

    private int refusal(String line) {
        return assertThrows(FtpException.class, () -> run(line)).code();
    }

    @Test
    void cksmOnThePlainDoorWithRanges() throws Exception {
        Files.writeString(root.resolve("wiki"), "Wikipedia");
        Files.writeString(root.resolve("padded"), "xyz123456789abc");
        assertEquals("213 11e60398", run("CKSM ADLER32 0 -1 /wiki"));
        assertEquals("213 cbf43926", run("CKSM CRC32 3 9 padded"));
        assertEquals("213 25f9e794323b453885f5181f1b624d0b", run("CKSM MD5 3 9 /padded"), "MD5 of 123456789");
        assertEquals(504, refusal("CKSM SHA-256 0 -1 /wiki"));
        assertEquals(501, refusal("CKSM MD5 0 10 /wiki"));
        assertEquals(550, refusal("CKSM MD5 0 -1 /missing"));
    }

    @Test
    void hashUsesTheSelectedAlgorithmAndPrintsTheRange() throws Exception {
        Files.writeString(root.resolve("abc file"), "abc");
        assertEquals("213 SHA-256 0-2 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad abc file",
                run("HASH abc file"));
        assertEquals("200 SHA-256", run("OPTS HASH"));
        assertEquals("200 SHA-1", run("OPTS HASH sha-1"));
        assertEquals("213 SHA-1 0-2 a9993e364706816aba3e25717850c26c9cd0d89d /abc file", run("HASH /abc file"));
        assertEquals("200 MD5", run("OPTS HASH MD5"));
        assertEquals("213 MD5 0-2 900150983cd24fb0d6963f7d28e17f72 abc file", run("HASH abc file"));
        assertEquals(501, refusal("OPTS HASH CRC-37"));
        assertEquals("200 MD5", run("OPTS HASH"), "a refused OPTS HASH keeps the selection");
        assertTrue(run("OPTS HASH SHA-512").endsWith("SHA-512"));
        assertTrue(run("HASH abc file").startsWith("213 SHA-512 0-2 ddaf35a193617aba"));
    }

    @Test
    void hashRefusals() throws Exception {
        Files.createDirectory(root.resolve("d"));
        assertEquals(553, refusal("HASH d"));
        assertEquals(550, refusal("HASH missing"));
        assertEquals(501, refusal("HASH "));
        Files.writeString(root.resolve("f"), "secret");
        AccessPolicy listOnly = (who, op, path) -> op == Operation.READ_FILE
                ? AccessDecision.deny(AccessLevel.LIST, "test") : AccessDecision.allow(AccessLevel.ADMIN, "test");
        FtpSession s = session(listOnly);
        assertEquals(550, assertThrows(FtpException.class, () -> run(s, "HASH f")).code());
        assertEquals(550, assertThrows(FtpException.class, () -> run(s, "CKSM MD5 0 -1 f")).code());
    }

    @Test
    void featListsCksmAndHashWithTheCurrentAlgorithmMarked() throws Exception {
        String feat = run("FEAT");
        assertTrue(feat.contains(" CKSM ADLER32,MD5,CRC32"), feat);
        assertTrue(feat.contains(" HASH SHA-1;SHA-256*;SHA-512;MD5"), feat);
        run("OPTS HASH MD5");
        assertTrue(run("FEAT").contains(" HASH SHA-1;SHA-256;SHA-512;MD5*"), run("FEAT"));
    }

    @Test
    void checksumsRunOnTheSessionExecutorNotTheEventLoop() {
        // commands not marked inline are queued on the session's executor by the session handler
        for (String verb : new String[] {"CKSM", "HASH"}) {
            CommandSpec spec = FtpCommands.standard().get(verb);
            assertTrue(spec.needsLogin(), verb);
            assertTrue(!(spec.command() instanceof InlineCommand), verb + " must not run on the event loop");
        }
    }
}
