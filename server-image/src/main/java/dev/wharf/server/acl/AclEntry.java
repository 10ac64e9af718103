package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import java.util.Objects;

/** One line of an ACL file: {@code level} for {@code principal}, from line {@code line} (1-based). */
public record AclEntry(AccessLevel level, AclPrincipal principal, int line) {
    public AclEntry {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(principal, "principal");
    }
}
