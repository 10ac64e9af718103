package dev.wharf.config;

import java.util.List;

/** server.conf keys of the "Storage and logins" section of docs/configuration.md. */
final class StorageKeys {

    private StorageKeys() {}

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("storage.root", KeyType.PATH, null, null, ConfigKey.NONE, List.of("all"),
                    "the jail every session works in; unset: each password-file user is jailed in their home"),
            new ConfigKey("storage.jail-fallback", KeyType.CHOICE, "none", null, ConfigKey.choices("none", "nofollow-walk"), List.of("all"),
                    "what to do on a kernel without `openat2(2)` (before Linux 5.6, or a seccomp filter refusing it): `none` refuses to start (exit 2) naming this key; `nofollow-walk` resolves paths with a user-space walk (`openat(O_PATH|O_NOFOLLOW)` per component, symlinks expanded by the server, the same rules: followed while beneath the root, absolute ones never). Ignored where `openat2` exists (docs/security.md \"Jail\")"),
            new ConfigKey("auth.password-file", KeyType.PATH, null, null, ConfigKey.NONE, List.of("ftp", "ftps", "gridftp"),
                    "Globus gridftp format `user:hash:uid:gid:gecos:home:shell`; SHA-512/SHA-256 crypt, bcrypt (`wharf-server passwd` writes entries); re-read when it changes (docs/server.md)"),
            new ConfigKey("auth.username-password", KeyType.BOOLEAN, "true", null, ConfigKey.NONE, List.of("ftp", "ftps", "gridftp"),
                    "`false` turns USER/PASS logins off (anonymous and certificate logins stay)"),
            new ConfigKey("auth.failure-delay-ms", KeyType.INTEGER, "1000", null, ConfigKey.range(0L, 60_000L), List.of("ftp", "ftps", "gridftp"),
                    "a wrong password is answered (530) after this delay, doubled for each further failure of the session; scheduled, no thread waits; `0` turns it off (docs/security.md \"Hardening\")"),
            new ConfigKey("auth.failure-delay-max-ms", KeyType.INTEGER, "8000", "`8000`, at least `auth.failure-delay-ms`", ConfigKey.range(0L, 600_000L), List.of("ftp", "ftps", "gridftp"),
                    "the longest such delay"),
            new ConfigKey("auth.max-failures", KeyType.INTEGER, "3", null, ConfigKey.range(1L, 1000L), List.of("ftp", "ftps", "gridftp"),
                    "the session is closed after this many wrong passwords (vsftpd's `max_login_fails`)"),
            new ConfigKey("auth.address-failures", KeyType.INTEGER, "30", null, ConfigKey.range(1L, 1_000_000L), List.of("ftp", "ftps", "gridftp"),
                    "after this many wrong passwords from one address within `auth.address-window`, its logins are refused (421, closed) without checking the password, across all doors"),
            new ConfigKey("auth.address-window", KeyType.INTEGER, "600", null, ConfigKey.range(1L, 86_400L), List.of("ftp", "ftps", "gridftp"),
                    "seconds; the per-address count restarts after this long"),
            new ConfigKey("anonymous.enabled", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "allow anonymous FTP"),
            new ConfigKey("anonymous.user", KeyType.TEXT, "anonymous", null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "the anonymous account name; when anonymous is enabled it shadows a password-file user of that name"),
            new ConfigKey("anonymous.root", KeyType.PATH, null, null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "the anonymous area (read-only); required when anonymous is enabled"),
            new ConfigKey("anonymous.require-email-password", KeyType.BOOLEAN, "false", null, ConfigKey.NONE, List.of("ftp", "ftps"),
                    "anonymous PASS must look like an e-mail address (`x@y`, or `x@` as lftp sends); else `530 Login failed: email address is not valid`"),
            new ConfigKey("transfer.overwrite", KeyType.BOOLEAN, "true", null, ConfigKey.NONE, List.of("all"),
                    "`false` refuses uploads onto an existing file"),
            new ConfigKey("log.aborted-transfers", KeyType.BOOLEAN, "true", null, ConfigKey.NONE, List.of("ftp", "ftps", "gridftp"),
                    "log client, identity, path, direction, bytes, duration and reason of aborted transfers"),
            new ConfigKey("transfer.splice-uploads", KeyType.BOOLEAN, "true", null, ConfigKey.NONE, List.of("ftp", "ftps", "gridftp", "krbftp"),
                    "clear binary stream-mode uploads (`STOR`/`APPE`, REST+STOR; gsiftp MODE S with DCAU N and PROT C) move from the socket into the file with `splice(2)` on a thread of their own once they pass 1 MiB, skipping the copy through the server's memory; TLS/PROT P, DCAU, `TYPE A` and MODE E keep the ordinary path, as does the NIO transport; `false`: every upload takes the ordinary path (docs/performance.md \"Item 3: splice receive path\")"));
}
