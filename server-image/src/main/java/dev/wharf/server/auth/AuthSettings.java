package dev.wharf.server.auth;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The login keys of server.conf (docs/configuration.md, "Storage and logins").
 *
 * @param storageRoot the jail of every password-file user; empty: each user is jailed in their home
 */
public record AuthSettings(
        Optional<Path> passwordFile,
        boolean usernamePassword,
        boolean anonymousEnabled,
        String anonymousUser,
        Optional<Path> anonymousRoot,
        boolean anonymousRequireEmail,
        Optional<Path> storageRoot) {

    /**
     * The user name's form and {@code anonymous.root} being set when anonymous is on are rules of the
     * schema ({@code dev.wharf.config.ServerConfRules}), refused as the keys are read; what only this host
     * can tell (the directories exist) is checked here.
     */
    public static AuthSettings fromConfig(ConfigFile config) {
        AuthSettings settings = new AuthSettings(
                config.getPath("auth.password-file"),
                config.declaredBoolean("auth.username-password"),
                config.declaredBoolean("anonymous.enabled"),
                config.declaredString("anonymous.user"),
                config.getPath("anonymous.root"),
                config.declaredBoolean("anonymous.require-email-password"),
                config.getPath("storage.root"));
        if (settings.anonymousEnabled) {
            settings.anonymousRoot.ifPresent(root -> requireDirectory(config, "anonymous.root", root));
        }
        settings.storageRoot.ifPresent(root -> requireDirectory(config, "storage.root", root));
        return settings;
    }

    private static void requireDirectory(ConfigFile config, String key, Path root) {
        if (!Files.isDirectory(root)) {
            throw new ConfigException(config.where(key) + ": " + key + " = " + root + " is not a directory");
        }
    }
}
