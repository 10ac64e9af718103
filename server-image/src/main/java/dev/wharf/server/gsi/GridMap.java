package dev.wharf.server.gsi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed grid-mapfile: DN → local accounts, the first being the default for
 * {@code USER :globus-mapping:}. DNs are matched as Globus does after normalising attribute spellings
 * ({@code E}/{@code Email}/{@code emailAddress}, {@code UID}/{@code USERID}) and case. The first line for a
 * DN wins, as in Globus's sequential lookup.
 */
public final class GridMap {

    /** One mapping line. */
    public record Entry(String dn, List<String> accounts, int line) {
        public Entry {
            accounts = List.copyOf(accounts);
        }
    }

    private final Map<String, Entry> byKey = new LinkedHashMap<>();

    GridMap(List<Entry> entries) {
        for (Entry entry : entries) {
            byKey.putIfAbsent(OpenSslDn.comparisonKey(entry.dn()), entry);
        }
    }

    public Optional<Entry> lookup(String dn) {
        return Optional.ofNullable(byKey.get(OpenSslDn.comparisonKey(dn)));
    }

    /** The default account for {@code dn}, if it is mapped. */
    public Optional<String> defaultAccount(String dn) {
        return lookup(dn).map(e -> e.accounts().get(0));
    }

    /** True when {@code dn} may log in as {@code account}. */
    public boolean permits(String dn, String account) {
        return lookup(dn).map(e -> e.accounts().contains(account)).orElse(false);
    }

    public int size() {
        return byKey.size();
    }
}
