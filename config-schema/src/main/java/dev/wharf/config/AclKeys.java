package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "Access control" section of docs/configuration.md. */
final class AclKeys {

    private AclKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("acl.enabled", KeyType.BOOLEAN, "true", null, ConfigKey.NONE, List.of("all"),
                    "evaluate `.grid-acl` files; `false`: only the two defaults below decide"),
            new ConfigKey("acl.groups-file", KeyType.PATH, null, null, ConfigKey.NONE, List.of("all"),
                    "`group: principal, principal` lines for `@group` entries (docs/acl.md)"),
            new ConfigKey("acl.default.authenticated", KeyType.CHOICE, "write", null, ConfigKey.choices(AccessLevel.words()), List.of("all"),
                    "level (`none`, `read`, `list`, `write`, `admin`) of authenticated sessions where no `.grid-acl` governs"),
            new ConfigKey("acl.default.anonymous", KeyType.CHOICE, "list", null, ConfigKey.choices(AccessLevel.words()), List.of("all"),
                    "level of anonymous sessions where no `.grid-acl` governs (anonymous logins stay read-only)"),
            new ConfigKey("acl.cache.revalidate-ms", KeyType.INTEGER, "1000", null, ConfigKey.range(0L, 3600000L), List.of("all"),
                    "how long a cached ACL lookup is trusted before the file is stat'ed again; `0` = every check"),
            new ConfigKey("acl.owner-store", KeyType.CHOICE, "auto", null, ConfigKey.choices("auto", "sidecar"), List.of("all"),
                    "where creators are recorded: `auto` = xattr `user.wharf.owner`, `.wharf-owners` sidecar where xattrs fail; `sidecar` = always the sidecar"));
}
