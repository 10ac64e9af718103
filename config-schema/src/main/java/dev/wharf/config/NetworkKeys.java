package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "Network" section of docs/configuration.md. */
final class NetworkKeys {

    private NetworkKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("control.interface", KeyType.ADDRESS, "127.0.0.1", null, ConfigKey.NONE, List.of("all"),
                    "address the control listeners (every door) bind"),
            new ConfigKey("data.interface", KeyType.ADDRESS, null, "= `control.interface`", ConfigKey.NONE, List.of("ftp", "ftps", "gridftp", "dcap", "gsidcap"),
                    "address passive data listeners bind and PASV advertises; also a NIC name (e.g. `ens1f0`), resolved at start to that interface's first IPv4 address (else IPv6) — the operator knows the pool's data NIC by name only, so it renders the name here and in `-data-interface`"),
            new ConfigKey("data.port-range", KeyType.PORT_RANGE, "20000-25000", null, ConfigKey.NONE, List.of("ftp", "ftps", "gridftp", "dcap", "gsidcap"),
                    "passive (and dCap) data ports, `FIRST-LAST` inclusive"),
            new ConfigKey("net.allowed-subnets", KeyType.LIST, null, "empty = everyone", ConfigKey.NONE, List.of("all"),
                    "IPv4/IPv6 CIDRs allowed to connect (checked on the real client address, after PROXY)"),
            new ConfigKey("net.proxy-protocol", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("all"),
                    "expect a PROXY v1/v2 header before the greeting on every control listener"),
            new ConfigKey("limits.clients", KeyType.INTEGER, Limits.CLIENTS_DEFAULT, null, ConfigKey.range(Limits.CLIENTS_MIN, Limits.CLIENTS_MAX), List.of("all"),
                    "concurrent control connections per door; more get `421` and are closed"),
            new ConfigKey("limits.idle-timeout", KeyType.INTEGER, Limits.IDLE_TIMEOUT_DEFAULT, null, ConfigKey.range(Limits.IDLE_TIMEOUT_MIN, Limits.IDLE_TIMEOUT_MAX), List.of("all"),
                    "seconds a control connection may sit idle before `421`"),
            new ConfigKey("limits.streams-per-client", KeyType.INTEGER, Limits.STREAMS_PER_CLIENT_DEFAULT, null, ConfigKey.range(Limits.STREAMS_PER_CLIENT_MIN, Limits.STREAMS_PER_CLIENT_MAX), List.of("ftp", "gridftp"),
                    "MODE E data connections one session may use (FTP and gsiftp doors): `OPTS RETR Parallelism` above it gets `501`, passive connections beyond it are closed, an EOF announcing more fails the upload (docs/gridftp.md)"));
}
