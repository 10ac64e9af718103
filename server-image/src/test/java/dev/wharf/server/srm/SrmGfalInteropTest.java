package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gfal2's SRM plugin (gfal-ls, gfal-stat, gfal-mkdir, gfal-rm -r, gfal-rename, gfal-sum) against the door over httpg. */
@Tag("interop")
class SrmGfalInteropTest {

    @TempDir
    static Path tmp;
    static SrmTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SrmTestServer.start(tmp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void gfalLsListsADirectory() throws Exception {
        Files.createDirectories(server.root().resolve("ls/sub"));
        Files.writeString(server.root().resolve("ls/a.txt"), "hello");
        ExternalProgram r = server.gfal("ls", "-vvv", server.surl("/ls"));
        System.out.println(r.stdout() + r.stderr());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("a.txt"), r.stdout());
    }
}
