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

    public static AuthSettings fromConfig(ConfigFile config) {
        AuthSettings settings = new AuthSettings(
                config.getPath("auth.password-file"),
                config.getBoolean("auth.username-password", true),
                config.getBoolean("anonymous.enabled", false),
                config.getString("anonymous.user", "anonymous"),
                config.getPath("anonymous.root"),
                config.getBoolean("anonymous.require-email-password", false),
                config.getPath("storage.root"));
        settings.validate(config.source());
        return settings;
    }

    void validate(String source) {
        if (!anonymousUser.matches("[A-Za-z0-9._@+-]{1,256}")) {
            throw new ConfigException(source + ": anonymous.user '" + anonymousUser + "' is not a valid user name");
        }
        if (anonymousEnabled) {
            Path root = anonymousRoot.orElseThrow(() -> new ConfigException(
                    source + ": anonymous.enabled = true needs anonymous.root (the read-only anonymous area)"));
            if (!Files.isDirectory(root)) {
                throw new ConfigException(source + ": anonymous.root = " + root + " is not a directory");
            }
        }
        storageRoot.ifPresent(root -> {
            if (!Files.isDirectory(root)) {
                throw new ConfigException(source + ": storage.root = " + root + " is not a directory");
            }
        });
    }
}
