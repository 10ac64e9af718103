package dev.wharf.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the process prints, read from its real standard output: {@code wharf-server acl show DIR} printed
 * nothing (exit 0) when DIR had its own .grid-acl, because the entries were never flushed before exit.
 */
class SubCommandOutputTest {

    @TempDir Path dir;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(stdout, false, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(original);
    }

    @Test
    void aclShowPrintsTheEntriesOfADirectorysOwnAcl() throws Exception {
        Files.writeString(dir.resolve(".grid-acl"), "# team\nadmin \"/O=Grid/CN=J. Smith\"\nread *\n");
        assertEquals(0, WharfCommand.run("acl", "show", dir.toString()));
        System.out.flush(); // only the PrintStream: what picocli's writer never passed on stays lost
        assertEquals("admin \"/O=Grid/CN=J. Smith\"\nread *\n", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aclSetPrintsTheResultingEntries() throws Exception {
        assertEquals(0, WharfCommand.run("acl", "set", dir.toString(), "write", "bob"));
        System.out.flush();
        assertEquals("write bob\n", stdout.toString(StandardCharsets.UTF_8));
    }
}
