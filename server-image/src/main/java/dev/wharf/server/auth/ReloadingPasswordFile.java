package dev.wharf.server.auth;

import dev.wharf.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password file, re-read when its modification time or size changes (so {@code wharf-server passwd}
 * takes effect without a restart). The first load must succeed; a later bad edit is logged once and
 * the last good version stays in force, so a typo never locks everybody out.
 */
final class ReloadingPasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingPasswordFile.class);

    // The file key (inode) changes when passwd replaces the file atomically, even within one mtime tick.
    private record Stamp(java.time.Instant modified, long size, Object fileKey) {}

    private final Path path;
    private volatile PasswordFile current;
    private volatile Stamp loaded;
    private volatile Stamp failed;

    ReloadingPasswordFile(Path path) {
        this.path = path;
        this.loaded = stamp();
        this.current = PasswordFile.load(path);
        warnIfWorldReadable();
    }

    /** The newest good version; checks the file's stamp (one stat) on every call. */
    PasswordFile get() {
        Stamp now = stamp();
        if (now != null && !now.equals(loaded) && !now.equals(failed)) {
            synchronized (this) {
                if (!now.equals(loaded) && !now.equals(failed)) {
                    reload(now);
                }
            }
        }
        return current;
    }

    private void reload(Stamp now) {
        try {
            current = PasswordFile.load(path);
            loaded = now;
            failed = null;
            LOG.info("password file {} reloaded: {} users", path, current.entries().size());
        } catch (ConfigException e) {
            failed = now;
            LOG.error("password file {} changed but cannot be used; keeping the previous version: {}", path, e.getMessage());
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toInstant(), a.size(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    private void warnIfWorldReadable() {
        try {
            if (Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("password file {} is readable by every local user; consider chmod 600", path);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot read permissions of {}: {}", path, Objects.toString(e.getMessage()));
        }
    }
}
