package dev.wharf.server.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.metrics.ServerMetrics;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The attack of issue 14: a local user on the storage flips {@code race_d} between a real directory
 * and a symlink to a directory outside the jail (symlink + rename, as a shell user would), while a
 * session stats, reads, uploads, appends, lists, creates, renames, deletes and chmods through it.
 * Nothing outside may ever be read, created, changed or removed, with openat2 and with the fallback
 * walk. Bounded by a count of rounds. On the by-name jail it failed in every run (read and listed the
 * outside directory, left {@code app} and {@code mk*} there).
 */
class JailRaceTest {

    static final int ROUNDS = 1500;
    static final String INSIDE = "inside";
    static final String OUTSIDE = "OUTSIDE-SECRET";

    @TempDir Path tmp;

    @ParameterizedTest
    @EnumSource(JailResolver.Kind.class)
    void aSymlinkSwapNeverLetsTheSessionOut(JailResolver.Kind kind) throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path park = Files.createDirectory(tmp.resolve("park"));
        Files.writeString(outside.resolve("f"), OUTSIDE);
        Files.writeString(outside.resolve("victim"), OUTSIDE);
        Files.setPosixFilePermissions(outside.resolve("f"), PosixFilePermissions.fromString("rw-r-----"));
        Path raceDir = Files.createDirectory(root.resolve("race_d"));
        Files.writeString(raceDir.resolve("f"), INSIDE);
        List<String> outsideBefore = listing(outside);

        GuardedStorage storage = new GuardedStorage(new Jail(root, kind.resolver(), FileChannelOpener.DEFAULT),
                AccessPolicy.ALLOW_ALL, new SessionStorage.Login("race", Identity.passwordUser("racer", Set.of()), false, true),
                ServerMetrics.NONE, null);
        List<String> escapes = new ArrayList<>();
        try (SymlinkFlipper flipper = new SymlinkFlipper(raceDir, outside, park)) {
            for (int i = 0; i < ROUNDS && escapes.size() < 5; i++) {
                round(storage, i, escapes);
                List<String> now = listing(outside);
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(outside.resolve("f")));
                if (!mode.equals("rw-r-----")) {
                    escapes.add("round " + i + ": outside f changed to mode " + mode);
                    Files.setPosixFilePermissions(outside.resolve("f"), PosixFilePermissions.fromString("rw-r-----"));
                }
                if (!now.equals(outsideBefore)) {
                    escapes.add("round " + i + ": outside now holds " + now);
                    restore(outside, outsideBefore);
                }
            }
        }
        assertEquals(List.of(), escapes, kind + ": the session reached outside the jail");
        assertEquals(OUTSIDE, Files.readString(outside.resolve("f")));
        assertEquals(OUTSIDE, Files.readString(outside.resolve("victim")));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside.resolve("f"))));
    }

    /** One of each operation through the flipping directory; refusals and "not found" are expected. */
    private static void round(GuardedStorage s, int i, List<String> escapes) {
        attempt(() -> {
            FileEntry e = s.stat("/race_d/f");
            if (e.size() == OUTSIDE.length()) {
                escapes.add("stat saw the outside file");
            }
        });
        attempt(() -> {
            try (FileChannel c = s.openRead("/race_d/f")) {
                ByteBuffer b = ByteBuffer.allocate(64);
                c.read(b, 0);
                if (new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).equals(OUTSIDE)) {
                    escapes.add("read the outside file");
                }
            }
        });
        attempt(() -> {
            if (s.list("/race_d").stream().anyMatch(e -> e.name().equals("victim"))) {
                escapes.add("listed the outside directory");
            }
        });
        attempt(() -> {
            Upload u = s.openUpload("/race_d/up" + i, UploadMode.REPLACE, 0);
            u.channel().write(ByteBuffer.wrap(INSIDE.getBytes(StandardCharsets.UTF_8)), 0);
            u.commit(INSIDE.length());
        });
        attempt(() -> {
            Upload u = s.openUpload("/race_d/app", UploadMode.APPEND, 0);
            u.channel().write(ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)), u.start());
            u.commit(1);
        });
        attempt(() -> s.makeDirectory("/race_d/mk" + i));
        attempt(() -> s.rename("/race_d/mk" + i, "/race_d/mv" + i));
        attempt(() -> s.removeDirectory("/race_d/mv" + i));
        attempt(() -> s.delete("/race_d/victim"));
        attempt(() -> s.delete("/race_d/up" + i));
        attempt(() -> s.setMode("/race_d/f", 0666));
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private static void attempt(Step step) {
        try {
            step.run();
        } catch (StorageException e) {
            // refused, not found, not a directory...: all fine, the point is what reached outside
        } catch (Exception e) {
            throw new AssertionError("unexpected failure", e);
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Puts the outside directory back so later rounds count their own escapes. */
    private static void restore(Path outside, List<String> before) throws Exception {
        for (String name : listing(outside)) {
            if (!before.contains(name)) {
                Path p = outside.resolve(name);
                if (Files.isDirectory(p)) {
                    Files.delete(p);
                } else {
                    Files.deleteIfExists(p);
                }
            }
        }
        for (String name : before) {
            if (!Files.exists(outside.resolve(name))) {
                Files.writeString(outside.resolve(name), OUTSIDE);
            }
        }
        assertTrue(listing(outside).equals(before));
    }
}
