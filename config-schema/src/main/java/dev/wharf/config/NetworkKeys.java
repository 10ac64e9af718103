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
            new ConfigKey("net.allowed-subnets", KeyType.CIDR_LIST, null, "empty = everyone", ConfigKey.NONE, List.of("all"),
                    "IPv4/IPv6 CIDRs allowed to connect (checked on the real client address, after PROXY), every door"),
            new ConfigKey("net.proxy-protocol", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("all"),
                    "expect a PROXY v1/v2 header before anything else on every door's control listener (an FTP greeting waits for it); `LOCAL` closes; no header within 10 s or a malformed one closes"),
            new ConfigKey("net.proxy-trusted", KeyType.CIDR_LIST, null, "empty; required with `net.proxy-protocol = true`", ConfigKey.NONE, List.of("all"),
                    "CIDRs of the proxies whose PROXY headers are believed; a connection from any other peer is closed before its header is read. With `net.proxy-protocol = true` an empty list stops the start (exit code 2, naming this key): it would let anyone who reaches the port claim any source address and walk through `net.allowed-subnets`"),
            new ConfigKey("limits.clients", KeyType.INTEGER, Limits.CLIENTS_DEFAULT, null, ConfigKey.range(Limits.CLIENTS_MIN, Limits.CLIENTS_MAX), List.of("all"),
                    "concurrent control connections per door, counted at accept; more are refused"),
            new ConfigKey("limits.clients-per-address", KeyType.INTEGER, "20", null, ConfigKey.range(1L, 1_000_000L), List.of("all"),
                    "concurrent control connections per door from one real client address (the PROXY source behind a proxy); more are refused"),
            new ConfigKey("limits.reserved-for-authenticated", KeyType.INTEGER, null, "`limits.clients / 4`", ConfigKey.range(0L, 999_999L), List.of("all"),
                    "of `limits.clients`, slots that connections which have not logged in can never take, so strangers holding connections open cannot lock logged-in users out; at most `limits.clients - 1`"),
            new ConfigKey("limits.login-grace", KeyType.INTEGER, "30", null, ConfigKey.range(1L, 3600L), List.of("all"),
                    "seconds a connection may stay without logging in, whatever it sends meanwhile; then it is closed (FTP: `421 Login time exceeded`). Logging in means USER/PASS or a GSI/TLS login on FTP doors, `hello` on dCap (plain dCap is anonymous; gsidcap authenticates in its tunnel before `hello`)"),
            new ConfigKey("limits.idle-timeout", KeyType.INTEGER, Limits.IDLE_TIMEOUT_DEFAULT, null, ConfigKey.range(Limits.IDLE_TIMEOUT_MIN, Limits.IDLE_TIMEOUT_MAX), List.of("all"),
                    "seconds a control connection may sit idle before `421` (FTP) or a silent close (dCap), not while a transfer runs"),
            new ConfigKey("limits.streams-per-client", KeyType.INTEGER, Limits.STREAMS_PER_CLIENT_DEFAULT, null, ConfigKey.range(Limits.STREAMS_PER_CLIENT_MIN, Limits.STREAMS_PER_CLIENT_MAX), List.of("ftp", "gridftp"),
                    "MODE E data connections one session may use (FTP and gsiftp doors): `OPTS RETR Parallelism` above it gets `501`, passive connections beyond it are closed, an EOF announcing more fails the upload (docs/gridftp.md)"));
}
