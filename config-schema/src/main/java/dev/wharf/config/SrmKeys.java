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
                    "most path details in one srmLs answer without `count`; a larger listing is answered `SRM_TOO_MANY_RESULTS` and the client pages (gfal2 uses `count` 1000, always served)"));
}
