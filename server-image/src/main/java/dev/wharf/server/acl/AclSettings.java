package dev.wharf.server.acl;

import dev.wharf.server.acl.owner.OwnerStore;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code acl.*} keys of server.conf (docs/configuration.md).
 *
 * @param enabled evaluate {@code .grid-acl} files; when false only the defaults decide
 * @param groupsFile the groups file for {@code @group} entries, or null
 * @param defaultAuthenticated level of authenticated sessions where no ACL file governs
 * @param defaultAnonymous level of anonymous sessions where no ACL file governs
 * @param revalidateMillis how long a cached ACL lookup is trusted before the files are stat'ed again
 * @param ownerStore where creators are recorded ({@code acl.owner-store})
 */
public record AclSettings(boolean enabled, Path groupsFile, AccessLevel defaultAuthenticated,
                          AccessLevel defaultAnonymous, long revalidateMillis, OwnerStore.Mode ownerStore) {

    public static final AclSettings DEFAULTS = new AclSettings(true, null, AccessLevel.WRITE, AccessLevel.LIST, 1000,
            OwnerStore.Mode.AUTO);

    public static AclSettings from(ConfigFile config) {
        return new AclSettings(
                config.getBoolean("acl.enabled", DEFAULTS.enabled()),
                config.getPath("acl.groups-file").orElse(null),
                level(config, "acl.default.authenticated", DEFAULTS.defaultAuthenticated()),
                level(config, "acl.default.anonymous", DEFAULTS.defaultAnonymous()),
                config.getLong("acl.cache.revalidate-ms", DEFAULTS.revalidateMillis(), 0, 3_600_000),
                ownerStore(config));
    }

    private static OwnerStore.Mode ownerStore(ConfigFile config) {
        String raw = config.getString("acl.owner-store", "auto");
        try {
            return OwnerStore.Mode.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source() + ": acl.owner-store must be auto or sidecar, got '" + raw + "'");
        }
    }

    private static AccessLevel level(ConfigFile config, String key, AccessLevel fallback) {
        String raw = config.get(key).orElse(null);
        if (raw == null) {
            return fallback;
        }
        try {
            return AclTextParser.level(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source() + ": " + key + ": " + e.getMessage());
        }
    }

    public AclSettings withEnabled(boolean on) {
        return new AclSettings(on, groupsFile, defaultAuthenticated, defaultAnonymous, revalidateMillis, ownerStore);
    }

    public AclSettings withRevalidateMillis(long millis) {
        return new AclSettings(enabled, groupsFile, defaultAuthenticated, defaultAnonymous, millis, ownerStore);
    }

    public AclSettings withGroupsFile(Path file) {
        return new AclSettings(enabled, file, defaultAuthenticated, defaultAnonymous, revalidateMillis, ownerStore);
    }

    public AclSettings withDefaults(AccessLevel authenticated, AccessLevel anonymous) {
        return new AclSettings(enabled, groupsFile, authenticated, anonymous, revalidateMillis, ownerStore);
    }

    static String levelName(AccessLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
