package dev.wharf.server.admin;

import dev.wharf.server.config.ConfigFile;

/**
 * {@code admin.interface} (default: {@code control.interface}) and {@code admin.port} (default 8080).
 *
 * @param fallbackToFreePort bind an ephemeral port when the configured one is taken (demo mode only:
 *     a production server must fail loudly rather than move its health checks somewhere else)
 */
public record AdminSettings(String bindInterface, int port, boolean fallbackToFreePort) {

    public static final int DEFAULT_PORT = 8080;

    public static AdminSettings fromConfig(ConfigFile config) {
        String control = config.getString("control.interface", "127.0.0.1");
        return new AdminSettings(config.getString("admin.interface", control),
                config.getInt("admin.port", DEFAULT_PORT, 0, 65535), false);
    }

    public AdminSettings withFallbackToFreePort() {
        return new AdminSettings(bindInterface, port, true);
    }
}
