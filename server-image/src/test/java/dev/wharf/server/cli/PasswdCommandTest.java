package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.PasswordEntry;
import dev.wharf.server.auth.PasswordFile;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PasswdCommandTest {

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int passwd(String stdin, String... args) {
        PasswdCommand command = new PasswdCommand();
        command.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler(new ErrorHandler());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void createsAFileWithMode600AndASha512Entry() throws Exception {
        Path file = dir.resolve("passwd");
        assertEquals(0, passwd("s3cret pass\n", "-password-file", file.toString(), "--home", "/data/alice", "--uid", "1000",
                "alice"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        PasswordEntry alice = PasswordFile.load(file).find("alice").orElseThrow();
        assertTrue(alice.hash().encoded().startsWith("$6$"));
        assertTrue(alice.hash().verify("s3cret pass"));
        assertEquals("/data/alice", alice.home());
        assertEquals(1000, alice.uid());
        assertTrue(out.toString().contains("added alice to " + file), out.toString());
    }

    @Test
    void updatesOnlyThePasswordAndKeepsCommentsAndOtherUsers() throws Exception {
        Path file = dir.resolve("passwd");
        passwd("one\n", "-password-file", file.toString(), "--home", "/data/alice", "--gecos", "Alice", "alice");
        passwd("two\n", "-password-file", file.toString(), "--home", "/data/bob", "bob");
        Files.writeString(file, "# site users\n" + Files.readString(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertEquals(0, passwd("three\n", "-f", file.toString(), "alice"));
        PasswordFile after = PasswordFile.load(file);
        assertTrue(after.find("alice").orElseThrow().hash().verify("three"));
        assertFalse(after.find("alice").orElseThrow().hash().verify("one"));
        assertEquals("Alice", after.find("alice").orElseThrow().gecos());
        assertEquals("/data/alice", after.find("alice").orElseThrow().home());
        assertTrue(after.find("bob").orElseThrow().hash().verify("two"));
        assertTrue(Files.readString(file).startsWith("# site users\nalice:"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "mode kept");
        assertTrue(out.toString().contains("updated alice"), out.toString());
    }

    @Test
    void aNewUserNeedsAHomeAndAnEmptyPasswordIsRefused() {
        Path file = dir.resolve("passwd");
        assertEquals(2, passwd("pw\n", "-f", file.toString(), "alice"));
        assertTrue(err.toString().contains("needs a home directory (--home DIR)"), err.toString());
        assertEquals(2, passwd("\n", "-f", file.toString(), "--home", "/x", "alice"));
        assertTrue(err.toString().contains("empty password refused"), err.toString());
        assertFalse(Files.exists(file));
    }

    @Test
    void hostileFieldsAndBrokenFilesAreRefusedWithoutTouchingTheFile() throws Exception {
        Path file = dir.resolve("passwd");
        assertEquals(2, passwd("pw\n", "-f", file.toString(), "--home", "/x", "al:ice"));
        assertEquals(2, passwd("pw\n", "-f", file.toString(), "--home", "/x", "--gecos", "a:b", "alice"));
        assertFalse(Files.exists(file));
        Files.writeString(file, "broken\n");
        assertEquals(2, passwd("pw\n", "-f", file.toString(), "--home", "/x", "alice"));
        assertTrue(err.toString().contains(file + ":1: expected 7"), err.toString());
        assertEquals("broken\n", Files.readString(file));
    }
}
