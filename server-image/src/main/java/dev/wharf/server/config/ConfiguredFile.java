package dev.wharf.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a file the configuration names (keys, certificates, the password file, the grid-mapfile,
 * server.conf) so that a mistake is a clear {@link ConfigException} naming the key, never a hang or an
 * out-of-memory: the file must be a regular file after symlinks are followed (Kubernetes mounts Secrets
 * through symlinks; a FIFO would block the open forever), at most {@code limit} bytes are read, and a
 * private key must be readable by its owner only (0600 or 0400), as Globus and OpenSSH require.
 */
public final class ConfiguredFile {

    /** PEM certificates and keys: a chain of a few certificates is a few KiB. */
    public static final long PEM_LIMIT = 1L << 20;
    /** Password files, grid-mapfiles and server.conf: tens of thousands of lines fit. */
    public static final long LIST_LIMIT = 64L << 20;

    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private ConfiguredFile() {}

    /** The file's bytes; {@code key} names the setting in every error. */
    public static byte[] read(Path file, String key, long limit) {
        return read(file, key, limit, false);
    }

    private static byte[] read(Path file, String key, long limit, boolean ownerOnly) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(key + " = " + file + ": file not found", e);
        } catch (IOException e) {
            throw new ConfigException(key + " = " + file + ": cannot read: " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            throw new ConfigException(key + " = " + file + ": not a regular file (a "
                    + (attributes.isDirectory() ? "directory" : "FIFO, socket or device") + ")");
        }
        if (ownerOnly && attributes.permissions().stream().anyMatch(NOT_OWNER::contains)) {
            throw new ConfigException(key + " = " + file + ": a private key must be readable by its owner only"
                    + " (mode 0600 or 0400, chmod 600 " + file + "), not " + mode(attributes.permissions()));
        }
        if (attributes.size() > limit) {
            throw new ConfigException(key + " = " + file + ": " + attributes.size() + " bytes; at most " + limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw new ConfigException(key + " = " + file + ": more than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ConfigException(key + " = " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's lines as UTF-8 (malformed bytes become U+FFFD; parsers refuse what they cannot use). */
    public static List<String> lines(Path file, String key, long limit) {
        return new String(read(file, key, limit), StandardCharsets.UTF_8).lines().toList();
    }

    /** A private key: {@link #read} that also requires that only the file's owner may read it. */
    public static byte[] readPrivateKey(Path file, String key) {
        return read(file, key, PEM_LIMIT, true);
    }

    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
