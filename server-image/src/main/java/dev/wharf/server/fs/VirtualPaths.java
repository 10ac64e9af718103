package dev.wharf.server.fs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pure functions over jail-relative absolute paths ("/", "/a/b"): resolving a command argument
 * against the working directory, normalising, and the length rules.
 */
public final class VirtualPaths {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualPaths.class);

    /** Linux NAME_MAX, in bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Linux PATH_MAX, in bytes, for the virtual path. */
    public static final int MAX_PATH_BYTES = 4096;

    private VirtualPaths() {}

    /**
     * Resolves {@code argument} (absolute or relative, may be empty) against {@code cwd} and
     * normalises it. {@code ..} above the root, NUL bytes, over-long names and paths are refused.
     */
    public static String resolve(String cwd, String argument) throws StorageException {
        String arg = argument == null ? "" : argument;
        if (arg.indexOf('\0') >= 0 || cwd.indexOf('\0') >= 0) {
            throw refused("path contains a NUL byte");
        }
        String joined = arg.startsWith("/") ? arg : cwd + "/" + arg;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw refused("path leaves the root: " + argument);
                }
                parts.removeLast();
                continue;
            }
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw refused("name too long");
            }
            parts.addLast(part);
        }
        String path = "/" + String.join("/", parts);
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw refused("path too long");
        }
        return path;
    }

    private static StorageException refused(String why) {
        LOG.warn("refused path argument: {}", why);
        return new StorageException(StorageException.Reason.REFUSED, why);
    }

    /** "/a/b" → "/a"; "/a" → "/"; "/" → "/". */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** "/a/b" → "b"; "/" → "". */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
