package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "SRM door" section of docs/configuration.md (docs/srm.md). */
final class SrmKeys {

    private SrmKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("srm.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("srm"),
                    "the SRM v2.2 door (docs/srm.md): SOAP over httpg (HTTP inside a GSI-authenticated, gss-wrapped connection, as gfal2/FTS speak it); uses the `gsi.*` keys (host credential, trust directory, grid-mapfile), `net.*` and `limits.*`; sessions are jailed like gsiftp's (`storage.root`, else the mapped account's home)"),
            new ConfigKey("srm.port", KeyType.INTEGER, "8443", null, ConfigKey.range(0L, 65535L), List.of("srm"),
                    "its port (dCache's SRM port)"),
            new ConfigKey("srm.max-request-bytes", KeyType.INTEGER, "1048576", null, ConfigKey.range(4096L, 67108864L), List.of("srm"),
                    "largest SOAP request body accepted; a larger one is answered `413` and the connection closed"),
            new ConfigKey("srm.ls-max-entries", KeyType.INTEGER, "1000", null, ConfigKey.range(1L, 1000000L), List.of("srm"),
                    "most path details in one srmLs answer without `count`; a larger listing is answered `SRM_TOO_MANY_RESULTS` and the client pages (gfal2 uses `count` 1000, always served)"),
            new ConfigKey("srm.max-requests", KeyType.INTEGER, "10000", null, ConfigKey.range(1L, 1000000L), List.of("srm"),
                    "open srmPrepareToGet/srmPrepareToPut requests the server keeps (in memory; lost on restart, see docs/srm.md); past it a new one is answered `SRM_INTERNAL_ERROR` (gfal2 retries) until others finish or expire"),
            new ConfigKey("srm.max-requests-per-client", KeyType.INTEGER, "1000", null, ConfigKey.range(1L, 1000000L), List.of("srm"),
                    "open requests of one DN, so one client cannot take every place"),
            new ConfigKey("srm.max-files-per-request", KeyType.INTEGER, "1000", null, ConfigKey.range(1L, 100000L), List.of("srm"),
                    "SURLs one prepare call may name; more is `SRM_INVALID_REQUEST`"),
            new ConfigKey("srm.request-lifetime", KeyType.INTEGER, "3600", null, ConfigKey.range(1L, 604800L), List.of("srm"),
                    "seconds a request (its pins and TURLs) lives when the client asks none; at the end gets are released and what unfinished puts wrote is removed"),
            new ConfigKey("srm.max-request-lifetime", KeyType.INTEGER, "86400", null, ConfigKey.range(1L, 604800L), List.of("srm"),
                    "the most seconds a client may ask (`desiredTotalRequestTime`, `desiredPinLifeTime`); longer asks are cut to it"),
            new ConfigKey("srm.turl-host", KeyType.TEXT, null, "the door's address", ConfigKey.NONE, List.of("srm"),
                    "host name TURLs carry (gsiftp://HOST:port/...); unset, the address the TURL's door listens on (`control.interface`; for a wildcard, `data.interface`, then the host name); set it to the name in the host certificate when clients check it"));
}
