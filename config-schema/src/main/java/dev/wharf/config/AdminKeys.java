package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "Admin endpoint and logging" section of docs/configuration.md. */
final class AdminKeys {

    private AdminKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("admin.interface", KeyType.ADDRESS, null, "= `control.interface`", ConfigKey.NONE, List.of("server"),
                    "address of the admin HTTP endpoint"),
            new ConfigKey("admin.port", KeyType.INTEGER, "8080", null, ConfigKey.range(0L, 65535L), List.of("server"),
                    "`/healthz`, `/readyz`, `/metrics` (Prometheus text), `/status` (JSON); a taken port stops the start (only the no-argument demo falls back to a free port)"),
            new ConfigKey("admin.allowed-subnets", KeyType.CIDR_LIST, null, "unset = everyone", ConfigKey.NONE, List.of("server"),
                    "CIDR blocks or addresses (comma/space separated) that may read `/metrics` and `/status`, which name sessions' clients and users; others get `403`. `/healthz` and `/readyz` answer everyone (they tell only up or down). The operator sets it to its `wharf.admin-clients`"),
            new ConfigKey("log.file", KeyType.PATH, null, "unset = stderr", ConfigKey.NONE, List.of("server"),
                    "`-l`: append log lines to this file (its directory is created)"),
            new ConfigKey("log.level", KeyType.CHOICE, "info", null, ConfigKey.choices("error", "warn", "info", "debug", "trace", "all"), List.of("server"),
                    "`-log-level`: `error`, `warn`, `info`, `debug`, `trace`, `all`; Wharf's loggers at this level, libraries at `warn` (all: everything)"),
            new ConfigKey("shutdown.grace-period", KeyType.INTEGER, "110", null, ConfigKey.range(0L, 86_400L), List.of("server"),
                    "seconds a stopping server (SIGTERM, Ctrl-C) lets running transfers finish before it closes what is left; fits the 120 s a transfer pod gets between SIGTERM and SIGKILL ([server.md](server.md), \"Lifecycle\")"));
}
