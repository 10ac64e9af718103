package dev.wharf.server.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CKSM and HASH (with OPTS HASH and FEAT) on the plain FTP door's table, which ftps and gsiftp build on. */
class ChecksumCommandsTest {

    @RegisterExtension
    final CommandFixture commands = new CommandFixture(FtpSettings.plain(ConfigFile.of(Map.of())), FtpCommands.standard());

    @Test
    void cksmOnThePlainDoorWithRanges() throws Exception {
        Files.writeString(commands.root().resolve("wiki"), "Wikipedia");
        Files.writeString(commands.root().resolve("padded"), "xyz123456789abc");
        assertEquals("213 11e60398", commands.run("CKSM ADLER32 0 -1 /wiki"));
        assertEquals("213 cbf43926", commands.run("CKSM CRC32 3 9 padded"));
        assertEquals("213 25f9e794323b453885f5181f1b624d0b", commands.run("CKSM MD5 3 9 /padded"), "MD5 of 123456789");
        assertEquals(504, commands.refusal("CKSM SHA-256 0 -1 /wiki"));
        assertEquals(501, commands.refusal("CKSM MD5 0 10 /wiki"));
        assertEquals(550, commands.refusal("CKSM MD5 0 -1 /missing"));
    }

    @Test
    void hashUsesTheSelectedAlgorithmAndPrintsTheRange() throws Exception {
        Files.writeString(commands.root().resolve("abc file"), "abc");
        assertEquals("213 SHA-256 0-2 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad abc file",
                commands.run("HASH abc file"));
        assertEquals("200 SHA-256", commands.run("OPTS HASH"));
        assertEquals("200 SHA-1", commands.run("OPTS HASH sha-1"));
        assertEquals("213 SHA-1 0-2 a9993e364706816aba3e25717850c26c9cd0d89d /abc file", commands.run("HASH /abc file"));
        assertEquals("200 MD5", commands.run("OPTS HASH MD5"));
        assertEquals("213 MD5 0-2 900150983cd24fb0d6963f7d28e17f72 abc file", commands.run("HASH abc file"));
        assertEquals(501, commands.refusal("OPTS HASH CRC-37"));
        assertEquals("200 MD5", commands.run("OPTS HASH"), "a refused OPTS HASH keeps the selection");
        assertTrue(commands.run("OPTS HASH SHA-512").endsWith("SHA-512"));
        assertTrue(commands.run("HASH abc file").startsWith("213 SHA-512 0-2 ddaf35a193617aba"));
    }

    @Test
    void hashRefusals() throws Exception {
        Files.createDirectory(commands.root().resolve("d"));
        assertEquals(553, commands.refusal("HASH d"));
        assertEquals(550, commands.refusal("HASH missing"));
        assertEquals(501, commands.refusal("HASH "));
        Files.writeString(commands.root().resolve("f"), "secret");
        FtpSession s = commands.session(CommandFixture.NO_READ);
        assertEquals(550, CommandFixture.refusal(s, "HASH f"));
        assertEquals(550, CommandFixture.refusal(s, "CKSM MD5 0 -1 f"));
    }

    @Test
    void featListsCksmAndHashWithTheCurrentAlgorithmMarked() throws Exception {
        String feat = commands.run("FEAT");
        assertTrue(feat.contains(" CKSM ADLER32,MD5,CRC32"), feat);
        assertTrue(feat.contains(" HASH SHA-1;SHA-256*;SHA-512;MD5"), feat);
        commands.run("OPTS HASH MD5");
        assertTrue(commands.run("FEAT").contains(" HASH SHA-1;SHA-256;SHA-512;MD5*"), commands.run("FEAT"));
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
