package dev.wharf.server.admin;

import dev.wharf.server.net.CidrSet;

import dev.wharf.server.config.ConfigFile;

/**
 * {@code admin.interface} (default: {@code control.interface}) and {@code admin.port} (default 8080).
 *
 * @param fallbackToFreePort bind an ephemeral port when the configured one is taken (demo mode only:
 *     a production server must fail loudly rather than move its health checks somewhere else)
 * @param statusClients {@code admin.allowed-subnets}: who may read {@code /metrics} and {@code /status}
 *     (they name the sessions' clients and users); the probes answer everyone, since they tell only up or down
 */
public record AdminSettings(String bindInterface, int port, boolean fallbackToFreePort, CidrSet statusClients) {

    /** The schema's default (docs/configuration.md). */
    public static final int DEFAULT_PORT = ConfigFile.empty().declaredInt("admin.port");

    /** Everyone may read /metrics and /status (a standalone server on a trusted network). */
    public AdminSettings(String bindInterface, int port, boolean fallbackToFreePort) {
        this(bindInterface, port, fallbackToFreePort, CidrSet.EVERYONE);
    }

    public static AdminSettings fromConfig(ConfigFile config) {
        String control = config.declaredString("control.interface");
        CidrSet clients = CidrSet.parse("admin.allowed-subnets", config.getList("admin.allowed-subnets"));
        return new AdminSettings(config.get("admin.interface").orElse(control),
                config.declaredInt("admin.port"), false, clients);
    }

    public AdminSettings withFallbackToFreePort() {
        return new AdminSettings(bindInterface, port, true, statusClients);
    }
}
