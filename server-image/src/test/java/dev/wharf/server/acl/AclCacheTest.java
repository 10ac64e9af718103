package dev.wharf.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclCacheTest {

    @TempDir Path root;
    static final Identity ALICE = Identity.passwordUser("alice", Set.of());

    private AccessPolicy policy(long revalidateMillis) {
        return new SlashGridAccessPolicy(AclSettings.DEFAULTS.withRevalidateMillis(revalidateMillis), null)
                .forSession("test", root);
    }

    @Test
    void changesAreSeenOnTheNextCheckWhenRevalidatingAlways() throws Exception {
        Files.createDirectories(root.resolve("a/b"));
        AccessPolicy policy = policy(0);
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/b/f").allowed());
        AclFileWriter.write(root.resolve("a"), "read alice\n");
        assertFalse(policy.check(ALICE, Operation.CREATE_FILE, "/a/b/f").allowed());
        AclFileWriter.write(root.resolve("a/b"), "write alice\n");
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/b/f").allowed());
        // an in-place edit keeping the inode is seen by size/mtime
        Files.writeString(root.resolve("a/b/.grid-acl"), "list alice\n");
        assertFalse(policy.check(ALICE, Operation.CREATE_FILE, "/a/b/f").allowed());
        assertTrue(policy.check(ALICE, Operation.LIST_DIRECTORY, "/a/b").allowed());
        AclFileWriter.delete(root.resolve("a/b"));
        AclFileWriter.delete(root.resolve("a"));
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/b/f").allowed());
    }

    @Test
    void cachedLookupsAreTrustedForTheIntervalAndDroppedByInvalidate() throws Exception {
        Files.createDirectories(root.resolve("a"));
        SlashGridAccessPolicy shared = new SlashGridAccessPolicy(AclSettings.DEFAULTS.withRevalidateMillis(3_600_000), null);
        AccessPolicy policy = shared.forSession("test", root);
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/f").allowed());
        // written by another process (a text editor): seen after the interval or an invalidate
        Files.writeString(root.resolve("a/.grid-acl"), "read alice\n");
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/f").allowed(), "still the cached lookup");
        shared.invalidate();
        assertFalse(policy.check(ALICE, Operation.CREATE_FILE, "/a/f").allowed());
        // another session on the same jail shares the cache
        assertFalse(shared.forSession("other", root).check(ALICE, Operation.CREATE_FILE, "/a/f").allowed());
        // written in this process (SITE SETACL, the acl tool): seen at once
        AclFileWriter.write(root.resolve("a"), "write alice\n");
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/f").allowed());
        AclFileWriter.delete(root.resolve("a"));
        Files.createDirectories(root.resolve("a/b"));
        AclFileWriter.write(root.resolve("a/b"), "read alice\n");
        assertFalse(policy.check(ALICE, Operation.CREATE_FILE, "/a/b/f").allowed());
    }

    @Test
    void cachedLookupsExpire() throws Exception {
        Files.createDirectories(root.resolve("a"));
        AccessPolicy policy = policy(50);
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/a/f").allowed());
        AclFileWriter.write(root.resolve("a"), "read alice\n");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (policy.check(ALICE, Operation.CREATE_FILE, "/a/f").allowed()) {
            assertTrue(System.nanoTime() < deadline, "change not seen after 5 s with a 50 ms interval");
            Thread.sleep(10);
        }
    }

    /**
     * A writer replaces the ACL (temp + rename) as fast as it can while readers check: every version
     * grants alice list, and each is long, so a half-written file would show as a denial.
     */
    @Test
    void aclReplacedDuringRepeatedChecksIsNeverSeenHalfWritten() throws Exception {
        Path dir = Files.createDirectories(root.resolve("d1/d2/d3"));
        AccessPolicy policy = policy(0);
        List<String> versions = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            StringBuilder acl = new StringBuilder();
            for (int i = 0; i < 200 * (v + 1); i++) {
                acl.append("read \"/CN=user ").append(v).append('-').append(i).append("\"\n");
            }
            acl.append("list alice\n");
            versions.add(acl.toString());
        }
        AclFileWriter.write(dir, versions.get(0));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) {
                    AclFileWriter.write(dir, versions.get(writes.incrementAndGet() % versions.size()));
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        List<String> denials = new ArrayList<>();
        try {
            for (int i = 0; i < 20_000 && denials.size() < 5; i++) {
                AccessDecision decision = policy.check(ALICE, Operation.LIST_DIRECTORY, "/d1/d2/d3");
                if (!decision.allowed()) {
                    denials.add(decision.decidedBy());
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(null, writerFailure.get());
        assertEquals(List.of(), denials);
        assertTrue(writes.get() > 10, "writer replaced the file " + writes.get() + " times");
    }
}
