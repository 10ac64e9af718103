package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "Kerberos" section of docs/configuration.md (docs/kerberos.md). */
final class KrbKeys {

    private KrbKeys() {}

    private static final List<String> BOTH = List.of("krbftp", "krbdcap");

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("krbftp.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("krbftp"),
                    "the Kerberos FTP door (docs/kerberos.md): RFC 2228 `AUTH GSSAPI`/`ADAT` with the Kerberos 5 mechanism, commands in `MIC`/`ENC`, replies `631`/`632`, data channels `PROT C`, `S` or `P` wrapped by the GSS context; uses the FTP door's `data.*`, `net.*`, `limits.*`, `transfer.overwrite` keys; sessions are jailed at `storage.root`, else at the mapped account's home in `auth.password-file`"),
            new ConfigKey("krbftp.port", KeyType.INTEGER, "22127", null, ConfigKey.range(0L, 65535L), List.of("krbftp"),
                    "its port (dCache's Kerberos FTP door uses 22127 too)"),
            new ConfigKey("krbdcap.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("krbdcap"),
                    "dCap inside libdcap's Kerberos tunnel (`libgssTunnel.so`, docs/kerberos.md \"dCap\"): the principal is the session's identity; uses `dcap.root`/`storage.root` and `data.port-range`"),
            new ConfigKey("krbdcap.port", KeyType.INTEGER, "22725", null, ConfigKey.range(0L, 32767L), List.of("krbdcap"),
                    "its port, limited to 0..32767 like `dcap.port`"),
            new ConfigKey("krb.keytab", KeyType.PATH, "/etc/krb5.keytab", null, ConfigKey.NONE, BOTH,
                    "keytab holding the service keys; re-read on every login, so a rotated keytab needs no restart"),
            new ConfigKey("krb.service-principal", KeyType.TEXT, null, "`ftp/<host>@<default realm>`", ConfigKey.NONE, BOTH,
                    "the FTP door's service principal (`<host>` = this machine's canonical name); the dCap door accepts `host/` with the same instance and realm, the name libgssTunnel asks for"),
            new ConfigKey("krb.principal-map", KeyType.PATH, null, null, ConfigKey.NONE, BOTH,
                    "`principal account` lines; a principal not listed maps by the rule `user@<default realm>` → `user`; anything else is refused (`530`); re-read when it changes"),
            new ConfigKey("krb.config", KeyType.PATH, null, "the JDK's (`/etc/krb5.conf`)", ConfigKey.NONE, BOTH,
                    "krb5.conf the server reads (default realm, `clockskew`, enctypes); one per server process"));
}
