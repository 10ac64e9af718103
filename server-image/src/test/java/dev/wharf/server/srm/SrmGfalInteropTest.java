package dev.wharf.server.srm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.gsi.ExternalProgram;
import dev.wharf.server.gsi.GlobusClient;
import dev.wharf.server.gsi.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.Adler32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gfal2's SRM plugin (srm-ifce over CGSI-gSOAP httpg) against the door: gfal-ls, gfal-stat, gfal-mkdir,
 * gfal-rm -r, gfal-rename, gfal-sum ADLER32, a 1,000-entry directory listed in pages, and the refusals
 * (no proxy, unmapped DN, ACL none, a path outside the jail), each followed by a call that still works.
 */
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

    private static String ok(ExternalProgram r) {
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        return r.stdout();
    }

    /** The door still answers a fresh client. */
    private static void assertServing() throws Exception {
        Files.createDirectories(server.root().resolve("alive"));
        ok(server.gfal("ls", server.surl("/alive")));
    }

    @Test
    void gfalLsListsADirectoryWithDetails() throws Exception {
        Files.createDirectories(server.root().resolve("ls/sub"));
        Files.writeString(server.root().resolve("ls/a.txt"), "hello");
        String names = ok(server.gfal("ls", server.surl("/ls")));
        assertEquals(Set.of("a.txt", "sub"), Arrays.stream(names.split("\n")).map(String::strip).collect(Collectors.toSet()));
        String longForm = ok(server.gfal("ls", "-l", server.surl("/ls")));
        assertTrue(longForm.lines().map(String::strip).anyMatch(l -> l.startsWith("d") && l.endsWith(" sub")), longForm);
        assertTrue(longForm.lines().map(String::strip).anyMatch(l -> l.startsWith("-rw") && l.contains(" 5 ")
                && l.endsWith(" a.txt")), longForm);
    }

    @Test
    void gfalStatShowsSizeAndType() throws Exception {
        Files.write(server.root().resolve("stat.bin"), new byte[1234]);
        String out = ok(server.gfal("stat", server.surl("/stat.bin")));
        assertTrue(out.contains("Size: 1234"), out);
        assertTrue(out.contains("regular file"), out);
        ExternalProgram missing = server.gfal("stat", server.surl("/no-such-file"));
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.stderr().contains("No such file or directory"), missing.stderr());
    }

    @Test
    void gfalMkdirMakesOneLevelOrAllWithP() throws Exception {
        ok(server.gfal("mkdir", server.surl("/made")));
        assertTrue(Files.isDirectory(server.root().resolve("made")));
        ok(server.gfal("mkdir", "-p", server.surl("/made/a/b/c")));
        assertTrue(Files.isDirectory(server.root().resolve("made/a/b/c")));
        ExternalProgram again = server.gfal("mkdir", server.surl("/made"));
        assertNotEquals(0, again.exitCode());
        assertTrue(again.stderr().contains("File exists"), again.stderr());
    }

    @Test
    void gfalRmRecursiveRemovesATree() throws Exception {
        Path tree = Files.createDirectories(server.root().resolve("tree/x/y"));
        Files.writeString(tree.resolve("f1"), "1");
        Files.writeString(server.root().resolve("tree/x/f2"), "2");
        Files.writeString(server.root().resolve("tree/f3"), "3");
        ok(server.gfal("rm", "-r", server.surl("/tree")));
        assertFalse(Files.exists(server.root().resolve("tree")));
        Files.writeString(server.root().resolve("single"), "s");
        ok(server.gfal("rm", server.surl("/single")));
        assertFalse(Files.exists(server.root().resolve("single")));
    }

    @Test
    void gfalRenameMovesAFile() throws Exception {
        Files.writeString(server.root().resolve("old-name"), "content");
        ok(server.gfal("rename", server.surl("/old-name"), server.surl("/new-name")));
        assertEquals("content", Files.readString(server.root().resolve("new-name")));
        assertFalse(Files.exists(server.root().resolve("old-name")));
    }

    @Test
    void gfalSumAdler32IsTheFilesChecksum() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        new Random(20).nextBytes(data);
        Files.write(server.root().resolve("sum.bin"), data);
        Adler32 adler = new Adler32();
        adler.update(data);
        String out = ok(server.gfal("sum", server.surl("/sum.bin"), "ADLER32"));
        assertTrue(out.strip().endsWith(String.format("%08x", adler.getValue())), out);
    }

    @Test
    void aThousandEntryDirectoryIsListedInPages() throws Exception {
        Path big = Files.createDirectories(tmp.resolve("paged"));
        try (SrmTestServer paged = SrmTestServer.start(big, Map.of("srm.ls-max-entries", "100"))) {
            Path dir = Files.createDirectories(paged.root().resolve("many"));
            for (int i = 0; i < 1000; i++) {
                Files.writeString(dir.resolve(String.format("file-%04d", i)), "x");
            }
            ExternalProgram r = paged.gfal("ls", "-v", paged.surl("/many"));
            ok(r);
            // -v puts gfal2's warnings among the names
            List<String> listed = r.stdout().lines().map(String::strip).filter(s -> s.startsWith("file-")).sorted().toList();
            List<String> expected = IntStream.range(0, 1000).mapToObj(i -> String.format("file-%04d", i)).toList();
            assertEquals(1000, listed.size());
            assertEquals(expected, listed);
            assertTrue((r.stdout() + r.stderr()).contains("trying with chunk listing"), r.stderr());
        }
    }

    @Test
    void withoutAProxyNothingIsServedAndTheDoorGoesOn() throws Exception {
        ExternalProgram r = server.gfalWith(tmp.resolve("no-such-proxy"), "ls", server.surl("/"));
        assertNotEquals(0, r.exitCode(), r.stdout());
        assertServing();
    }

    @Test
    void anUnmappedDnIsRefusedAndTheDoorGoesOn() throws Exception {
        TestPki.Credential stranger = server.pki().issueUser("/C=XX/O=Wharf Test/OU=People/CN=Not Mapped",
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
        GlobusClient other = GlobusClient.gridProxyInit(server.pki(), stranger, tmp.resolve("stranger"));
        ExternalProgram r = server.gfalWith(other.proxy(), "ls", server.surl("/"));
        assertNotEquals(0, r.exitCode(), r.stdout());
        assertTrue(r.stderr().contains("SRM_AUTHORIZATION_FAILURE") && r.stderr().contains("Permission denied"), r.stderr());
        assertServing();
    }

    @Test
    void aclNoneRefusesTheCallerThere() throws Exception {
        Path secret = Files.createDirectories(server.root().resolve("secret"));
        Files.writeString(secret.resolve("s.txt"), "s");
        // quoted: the DN has a space, and an unquoted one makes the file malformed (which also grants nothing,
        // so the refusal below would not prove the entry was read)
        Files.writeString(secret.resolve(".grid-acl"), "none \"" + TestPki.USER_DN + "\"\n", StandardCharsets.UTF_8);
        for (String tool : new String[] {"ls", "stat"}) {
            ExternalProgram r = server.gfal(tool, server.surl("/secret/s.txt"));
            assertNotEquals(0, r.exitCode(), tool + ": " + r.stdout());
            assertTrue(r.stderr().contains("Permission denied"), r.stderr());
        }
        ExternalProgram rm = server.gfal("rm", server.surl("/secret/s.txt"));
        assertNotEquals(0, rm.exitCode());
        assertTrue(Files.exists(secret.resolve("s.txt")));
        // the control: the same file with the entry raised to read lets the same DN stat it
        Files.writeString(secret.resolve(".grid-acl"), "read \"" + TestPki.USER_DN + "\"\n", StandardCharsets.UTF_8);
        Thread.sleep(1_100); // acl.cache.revalidate-ms
        ExternalProgram allowed = server.gfal("stat", server.surl("/secret/s.txt"));
        assertEquals(0, allowed.exitCode(), allowed.stderr());
        assertServing();
    }

    @Test
    void aPathOutsideTheJailIsRefused() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("private"), "not yours");
        Files.createSymbolicLink(server.root().resolve("escape"), outside);
        ExternalProgram r = server.gfal("stat", server.surl("/escape/private"));
        assertNotEquals(0, r.exitCode(), r.stdout());
        ExternalProgram up = server.gfal("ls", server.surl("/../../../etc"));
        assertFalse(up.stdout().contains("passwd"), up.stdout());
        assertServing();
    }
}
