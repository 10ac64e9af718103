package dev.wharf.server.admin;

import dev.wharf.server.config.ConfigFile;

/**
 * {@code admin.interface} (default: {@code control.interface}) and {@code admin.port} (default 8080).
 *
 * @param fallbackToFreePort bind an ephemeral port when the configured one is taken (demo mode only:
 *     a production server must fail loudly rather than move its health checks somewhere else)
 */
public record AdminSettings(String bindInterface, int port, boolean fallbackToFreePort) {

    /** The schema's default (docs/configuration.md). */
    public static final int DEFAULT_PORT = ConfigFile.empty().declaredInt("admin.port");

    public static AdminSettings fromConfig(ConfigFile config) {
        String control = config.getString("control.interface", "127.0.0.1");
        return new AdminSettings(config.getString("admin.interface", control),
                config.declaredInt("admin.port"), false);
    }

    public AdminSettings withFallbackToFreePort() {
        return new AdminSettings(bindInterface, port, true);
    }
}
