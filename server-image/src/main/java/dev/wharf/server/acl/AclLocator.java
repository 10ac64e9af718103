package dev.wharf.server.acl;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Finds the ACL file governing a directory of one jail: the directory's own {@code .grid-acl}, else
 * its parent's, up to the jail root. Lookups are cached per directory and trusted for
 * {@code revalidateNanos}; after that the directory's ACL file is stat'ed again (its parent's lookup
 * is itself cached, so a revalidation costs one stat per directory, not one per level).
 */
final class AclLocator {

    private static final int MAX_CACHED_DIRECTORIES = 100_000;

    /** A directory's governing ACL and when that was last checked on disk ({@link System#nanoTime}). */
    record Lookup(long checkedAt, int generation, Governor governor) {}

    private final Path root;
    private final StampedFileCache<AclParse> files;
    private final long revalidateNanos;
    private final ConcurrentHashMap<String, Lookup> lookups = new ConcurrentHashMap<>();

    long revalidateNanos() {
        return revalidateNanos;
    }

    private final IntSupplier generation;

    /** @param generation changes whenever cached lookups must be dropped (in-process ACL writes, invalidate) */
    AclLocator(Path root, StampedFileCache<AclParse> files, long revalidateNanos, IntSupplier generation) {
        this.generation = generation;
        this.root = root;
        this.files = files;
        this.revalidateNanos = revalidateNanos;
    }

    /** @param dir a jail-relative absolute directory path, normalised ("/", "/a/b") */
    Governor governing(String dir) {
        return lookup(dir).governor();
    }

    Lookup lookup(String dir) {
        long now = System.nanoTime();
        int current = generation.getAsInt();
        Lookup cached = lookups.get(dir);
        if (cached != null && cached.generation() == current && now - cached.checkedAt() < revalidateNanos) {
            return cached;
        }
        Path file = hostDirectory(dir).resolve(AclFiles.ACL_FILE);
        AclParse parse = files.get(file);
        Governor governor;
        if (parse != null) {
            governor = cached != null && cached.governor().parse == parse ? cached.governor() : new Governor(file, parse);
        } else {
            governor = dir.equals("/") ? Governor.NONE : governing(parent(dir));
        }
        if (lookups.size() > MAX_CACHED_DIRECTORIES) {
            lookups.clear();
        }
        Lookup lookup = new Lookup(now, current, governor);
        lookups.put(dir, lookup);
        return lookup;
    }

    void invalidate() {
        lookups.clear();
    }

    Path hostDirectory(String dir) {
        return dir.equals("/") ? root : root.resolve(dir.substring(1));
    }

    /** The parent of a normalised jail path; "/" for "/" and for top-level entries. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
