package dev.wharf.server.krb;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfiguredFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kerberos principal → local account (docs/kerberos.md "Principal map"): the lines of {@code krb.principal-map}
 * ({@code principal account}, {@code #} comments and blank lines ignored), then the rule every MIT site
 * expects ({@code auth_to_local}'s default): {@code user@<default realm>}, one component and the server's own
 * realm, is the account {@code user}. Everything else is unmapped, and the door answers 530. A malformed
 * or repeated line is an error naming its line, so a typo never silently locks a user out or lets one in.
 */
public final class PrincipalMap {

    private final Map<String, String> accounts;
    private final String defaultRealm;

    private PrincipalMap(Map<String, String> accounts, String defaultRealm) {
        this.accounts = Map.copyOf(accounts);
        this.defaultRealm = defaultRealm;
    }

    /** Only the default-realm rule. */
    public static PrincipalMap defaultRule(String defaultRealm) {
        return new PrincipalMap(Map.of(), defaultRealm);
    }

    public static PrincipalMap load(Path file, String defaultRealm) {
        return parse(ConfiguredFile.lines(file, "krb.principal-map", ConfiguredFile.LIST_LIMIT), file.toString(), defaultRealm);
    }

    public static PrincipalMap parse(List<String> lines, String source, String defaultRealm) {
        Map<String, String> accounts = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            int number = i + 1;
            if (fields.length != 2) {
                throw new ConfigException(source + ":" + number + ": expected 'principal account', got '" + line + "'");
            }
            if (!isPrincipal(fields[0])) {
                throw new ConfigException(source + ":" + number + ": '" + fields[0] + "' is not a principal (name@REALM)");
            }
            Integer earlier = firstLine.putIfAbsent(fields[0], number);
            if (earlier != null) {
                throw new ConfigException(source + ":" + number + ": " + fields[0] + " is already mapped on line " + earlier);
            }
            accounts.put(fields[0], fields[1]);
        }
        return new PrincipalMap(accounts, defaultRealm);
    }

    private static boolean isPrincipal(String name) {
        int at = name.lastIndexOf('@');
        return at > 0 && at < name.length() - 1;
    }

    /** The account of {@code principal} (full name with realm), or empty when it may not log in. */
    public Optional<String> account(String principal) {
        String listed = accounts.get(principal);
        if (listed != null) {
            return Optional.of(listed);
        }
        int at = principal.lastIndexOf('@');
        if (at <= 0 || !principal.substring(at + 1).equals(defaultRealm)) {
            return Optional.empty();
        }
        String user = principal.substring(0, at);
        return user.contains("/") ? Optional.empty() : Optional.of(user);
    }

    public String defaultRealm() {
        return defaultRealm;
    }
}
