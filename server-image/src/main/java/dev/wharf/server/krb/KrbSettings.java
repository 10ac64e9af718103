package dev.wharf.server.krb;

import dev.wharf.server.config.ConfigFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code krb.*} keys of server.conf (docs/configuration.md "Kerberos", docs/kerberos.md), read by the
 * Kerberos doors (krbftp, krbdcap).
 *
 * @param keytab the service keys, {@code krb.keytab}
 * @param servicePrincipal the FTP door's principal, {@code krb.service-principal}; empty: {@code ftp/<host>@<default realm>}
 * @param principalMap {@code principal account} lines, {@code krb.principal-map}; empty: only the default-realm rule
 * @param krb5Conf the krb5.conf the JDK reads, {@code krb.config}; empty: the JDK's default
 */
public record KrbSettings(Path keytab, Optional<String> servicePrincipal, Optional<Path> principalMap,
                          Optional<Path> krb5Conf) {

    public static KrbSettings from(ConfigFile config) {
        return new KrbSettings(
                config.declaredPath("krb.keytab"),
                config.get("krb.service-principal").map(String::strip),
                config.getPath("krb.principal-map"),
                config.getPath("krb.config"));
    }
}
