package dev.wharf.server.gridftp;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.auth.PasswordEntry;
import dev.wharf.server.auth.PasswordFile;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a grid or Kerberos identity is jailed: {@code storage.root} when set (like every password user); else the
 * home directory of its mapped local account in {@code auth.password-file}; else nowhere (530). The
 * SRM door jails its sessions the same way.
 */
public record GridFtpRoots(Optional<Path> storageRoot, Optional<Path> passwordFile) {

    public static GridFtpRoots from(ConfigFile config) {
        return new GridFtpRoots(config.getPath("storage.root"), config.getPath("auth.password-file"));
    }

    public Optional<Path> rootFor(Identity identity) {
        if (storageRoot.isPresent()) {
            return storageRoot;
        }
        if (identity.localAccount() == null || passwordFile.isEmpty() || !Files.isRegularFile(passwordFile.get())) {
            return Optional.empty();
        }
        return PasswordFile.load(passwordFile.get()).find(identity.localAccount())
                .map(PasswordEntry::home).filter(h -> !h.isEmpty()).map(Path::of);
    }
}
