package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "FTP and FTPS doors" section of docs/configuration.md. */
final class FtpKeys {

    private FtpKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("ftp.enabled", KeyType.BOOLEAN, "true", null, ConfigKey.NONE, List.of("ftp"),
                    "the FTP door (plain, with explicit TLS through AUTH TLS)"),
            new ConfigKey("ftp.port", KeyType.INTEGER, "2121", null, ConfigKey.range(0L, 65535L), List.of("ftp"),
                    "its port (`-p`)"),
            new ConfigKey("ftp.allow-third-party", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("ftp", "ftps", "gridftp"),
                    "password and anonymous sessions may name another host than their own in `PORT`/`EPRT`, and their `PASV`/`EPSV` listeners accept the data connection from any address (third-party copies between two servers). GSI sessions on the gsiftp door always may (docs/gridftp.md). Ports below 1024 stay refused"),
            new ConfigKey("ftp.list-format", KeyType.CHOICE, "ls-l", null, ConfigKey.choices(ListFormat.words()), List.of("ftp", "ftps", "gridftp"),
                    "LIST output: `ls-l` or `legacy` (MLSD is always precise)"),
            new ConfigKey("ftps.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("ftps"),
                    "the implicit-TLS door"),
            new ConfigKey("ftps.port", KeyType.INTEGER, "2990", null, ConfigKey.range(0L, 65535L), List.of("ftps"),
                    "its port"),
            new ConfigKey("tls.certificate", KeyType.PATH, null, null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "PEM certificate chain, leaf first; unset (with `tls.key`): a self-signed ECDSA certificate for localhost, 127.0.0.1, ::1 and `control.interface` is made at start, with one warning"),
            new ConfigKey("tls.key", KeyType.PATH, null, null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "PEM private key of the leaf: PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted, mode 0600 or 0400; set together with `tls.certificate`"),
            new ConfigKey("tls.allow-ccc", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "allow CCC (clear command channel)"),
            new ConfigKey("tls.require", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("ftp"),
                    "refuse USER before AUTH TLS on the plain door"));
}
