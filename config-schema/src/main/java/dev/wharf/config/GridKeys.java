package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "GridFTP, GSI and dCap" section of docs/configuration.md. */
final class GridKeys {

    private GridKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("gridftp.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("gridftp"),
                    "the gsiftp door (docs/gridftp.md): GSI control channel (`AUTH GSSAPI`/`ADAT`, delegation), stream mode and MODE E (parallel streams), data channels authenticated and protected by `DCAU` and `PROT C/S/P`; uses the `gsi.*` keys, the FTP door's `data.*`, `net.*`, `limits.*`, `transfer.overwrite` keys; sessions are jailed at `storage.root`, else at the mapped account's home in `auth.password-file`"),
            new ConfigKey("gridftp.port", KeyType.INTEGER, "2811", null, ConfigKey.range(0L, 65535L), List.of("gridftp"),
                    "its port"),
            new ConfigKey("gridftp.allow-passwords", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("gridftp"),
                    "also accept plain `USER`/`PASS` (password-file logins) on the gsiftp door, in clear; off: `530` until `AUTH GSSAPI`"),
            new ConfigKey("gsi.host-certificate", KeyType.PATH, "/etc/grid-security/hostcert.pem", null, ConfigKey.NONE, List.of("gridftp", "gsidcap", "srm"),
                    "host certificate, PEM (read by `dev.wharf.server.gsi.GsiSettings`)"),
            new ConfigKey("gsi.host-key", KeyType.PATH, "/etc/grid-security/hostkey.pem", null, ConfigKey.NONE, List.of("gridftp", "gsidcap", "srm"),
                    "host key, PEM, unencrypted, mode 0600 or 0400"),
            new ConfigKey("gsi.cert-dir", KeyType.PATH, "/etc/grid-security/certificates", null, ConfigKey.NONE, List.of("gridftp", "gsidcap", "srm"),
                    "trust anchors in `X509_CERT_DIR` layout: `<hash>.0` CAs, `<hash>.signing_policy` (required per CA), `<hash>.r0` CRLs; re-read when files change (see `docs/gsi.md`)"),
            new ConfigKey("gsi.gridmap", KeyType.PATH, null, null, ConfigKey.NONE, List.of("gridftp", "gsidcap", "srm"),
                    "grid-mapfile (`\"DN\" account[,account]`); unset: every valid DN logs in as itself and explicit account names are refused; re-read when it changes"),
            new ConfigKey("gsi.tls-protocols", KeyType.LIST, "TLSv1.2 TLSv1.3", null, ConfigKey.choices("TLSv1.2", "TLSv1.3"), List.of("gridftp", "gsidcap", "srm"),
                    "TLS versions the GSI handshake may negotiate (control and data channels); the srm door picks TLSv1.2 from it when listed (docs/srm.md)"),
            new ConfigKey("dcap.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("dcap"),
                    "the plain dCap door (docs/dcap.md)"),
            new ConfigKey("dcap.port", KeyType.INTEGER, "22125", null, ConfigKey.range(0L, 32767L), List.of("dcap"),
                    "its port; libdcap keeps the door port in a signed short, so a port above 32767 is refused at start (dccp could never connect)"),
            new ConfigKey("dcap.root", KeyType.PATH, null, "= `storage.root`", ConfigKey.NONE, List.of("dcap", "gsidcap"),
                    "directory the anonymous dCap sessions are jailed in; an enabled door without it (or `storage.root`) refuses to start"),
            new ConfigKey("dcap.anonymous-max-hole", KeyType.INTEGER, "4294967296", null, ConfigKey.range(0L, Long.MAX_VALUE), List.of("dcap"),
                    "bytes an anonymous dCap upload may leave unwritten by seeking ahead (docs/dcap.md \"Data channel\")"),
            new ConfigKey("dcap.discard-uploads", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("dcap", "gsidcap"),
                    "**benchmark aid, loses data**: the dCap doors accept uploads as usual (WRITE, ACK, blocks, FIN, the client's ADLER32 checked at CLOSE) but write the bytes to `/dev/null` and never create the file; `bench/run --rows dcap` compares a normal door with one set to `true` (docs/performance.md \"Issue 17\"). Off unless set; the server warns at start while it is on"),
            new ConfigKey("gsidcap.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("gsidcap"),
                    "dCap inside the GSI tunnel (docs/dcap.md \"gsidcap\"): uses the `gsi.*` credential, trust and grid-mapfile keys, `dcap.root`/`storage.root` and `data.port-range`"),
            new ConfigKey("gsidcap.port", KeyType.INTEGER, "22128", null, ConfigKey.range(0L, 32767L), List.of("gsidcap"),
                    "its port, limited to 0..32767 like `dcap.port`"));
}
