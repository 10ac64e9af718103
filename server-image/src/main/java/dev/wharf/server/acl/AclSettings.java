package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.owner.OwnerStore;
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

    /** An empty configuration's: the defaults declared in the schema (docs/configuration.md). */
    public static final AclSettings DEFAULTS = from(ConfigFile.empty());

    public static AclSettings from(ConfigFile config) {
        return new AclSettings(
                config.declaredBoolean("acl.enabled"),
                config.getPath("acl.groups-file").orElse(null),
                AclTextParser.level(config.declaredChoice("acl.default.authenticated")),
                AclTextParser.level(config.declaredChoice("acl.default.anonymous")),
                config.declaredLong("acl.cache.revalidate-ms"),
                OwnerStore.Mode.valueOf(config.declaredChoice("acl.owner-store").toUpperCase(Locale.ROOT)));
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
