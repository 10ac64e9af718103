package dev.wharf.server.admin;

import dev.wharf.server.config.ConfigException;
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
        String control = config.getString("control.interface", "127.0.0.1");
        CidrSet clients;
        try {
            clients = CidrSet.parse(config.getList("admin.allowed-subnets"));
        } catch (ConfigException e) {
            throw new ConfigException("admin.allowed-subnets: " + e.getMessage());
        }
        return new AdminSettings(config.getString("admin.interface", control),
                config.declaredInt("admin.port"), false, clients);
    }

    public AdminSettings withFallbackToFreePort() {
        return new AdminSettings(bindInterface, port, true, statusClients);
    }
}
