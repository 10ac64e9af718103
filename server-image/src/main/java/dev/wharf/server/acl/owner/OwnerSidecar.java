package dev.wharf.server.acl.owner;

import dev.wharf.server.acl.AclFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ownership sidecar: one {@code .wharf-owners} file per directory, lines {@code NAME<TAB>PRINCIPAL}
 * where {@code \\}, a tab ({@code \t}) and a newline ({@code \n}) are escaped in both fields. Updated
 * by read-modify-write under a per-directory lock, written atomically (temporary file + rename), so
 * readers never see half a file. Lines that cannot be decoded are skipped (ownership is a fact shown
 * in listings, never an access decision).
 */
final class OwnerSidecar {

    /** One per JVM: the per-directory locks must be shared by every store writing sidecars. */
    static final OwnerSidecar INSTANCE = new OwnerSidecar();

    private final Object[] locks = new Object[64];

    private OwnerSidecar() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    static Path file(Path directory) {
        return directory.resolve(AclFiles.OWNER_SIDECAR);
    }

    /** Name → principal for every entry of {@code directory} the sidecar knows. */
    Map<String, String> read(Path directory) throws IOException {
        Path file = file(directory);
        String content;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Map.of();
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        return parse(content);
    }

    /** Sets ({@code principal} non-null) or removes the owner of {@code name} in {@code directory}. */
    void update(Path directory, String name, String principal) throws IOException {
        synchronized (lockFor(directory)) {
            Map<String, String> owners = new TreeMap<>(read(directory));
            boolean changed = principal == null ? owners.remove(name) != null : !principal.equals(owners.put(name, principal));
            if (changed) {
                write(directory, owners);
            }
        }
    }

    /**
     * The lock of one directory, by its inode: the jail names directories through descriptors
     * ({@code /proc/self/fd/N}), so two sessions see different paths for the same directory.
     */
    private Object lockFor(Path directory) {
        Object key;
        try {
            key = Files.readAttributes(directory, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            key = null;
        }
        int hash = key != null ? key.hashCode() : directory.hashCode();
        return locks[Math.floorMod(hash, locks.length)];
    }

    static Map<String, String> parse(String content) {
        Map<String, String> owners = new HashMap<>();
        for (String line : content.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            String name = unescape(line.substring(0, tab));
            String principal = unescape(line.substring(tab + 1));
            if (name != null && principal != null && !principal.isEmpty()) {
                owners.put(name, principal);
            }
        }
        return owners;
    }

    static String render(Map<String, String> owners) {
        StringBuilder out = new StringBuilder();
        owners.forEach((name, principal) -> out.append(escape(name)).append('\t').append(escape(principal)).append('\n'));
        return out.toString();
    }

    private static void write(Path directory, Map<String, String> owners) throws IOException {
        Path target = file(directory);
        if (owners.isEmpty()) {
            Files.deleteIfExists(target);
            return;
        }
        Path temp = directory.resolve(AclFiles.OWNER_SIDECAR + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.writeString(temp, render(owners), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    /** The unescaped text, or null when it holds an unknown escape. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= text.length()) {
                return null;
            }
            switch (text.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
