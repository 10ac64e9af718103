package dev.wharf.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every server.conf key, declared once (the per-section classes). The server refuses a key that is not
 * here and a value its {@link ConfigKey#problem} rejects; docs/configuration.md's tables are rendered from
 * it ({@link ConfigurationTables}); the operator takes its defaults and limits from it.
 */
public final class ServerConfSchema {

    private static final Map<String, ConfigKey> KEYS = index();

    private ServerConfSchema() {}

    private static Map<String, ConfigKey> index() {
        Map<String, ConfigKey> keys = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            for (ConfigKey key : section.keys()) {
                if (keys.put(key.name(), key) != null) {
                    throw new IllegalStateException("server.conf key declared twice: " + key.name());
                }
            }
        }
        return keys;
    }

    /** Every key, in page order. */
    public static List<ConfigKey> keys() {
        return List.copyOf(KEYS.values());
    }

    public static Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(KEYS.get(name));
    }

    /** The declared key {@code name}; for code that renders or reads a key it knows exists. */
    public static ConfigKey require(String name) {
        return key(name).orElseThrow(() -> new IllegalArgumentException("not a server.conf key: " + name));
    }

    /**
     * What is wrong with {@code key = value}, or empty: an undeclared key (with the nearest declared name
     * when there is one), or a value of the wrong type or out of range (naming the allowed values). An
     * empty value means "unset" and is always fine.
     */
    public static Optional<String> problem(String key, String value) {
        ConfigKey declared = KEYS.get(key);
        if (declared == null) {
            return Optional.of("unknown key " + key + nearest(key).map(n -> " (did you mean " + n + "?)").orElse("")
                    + "; every key is listed in docs/configuration.md");
        }
        return value.isBlank() ? Optional.empty() : declared.problem(value);
    }

    /** A declared key at edit distance 2 or less: the likely intended name of a typo. */
    private static Optional<String> nearest(String key) {
        return KEYS.keySet().stream().filter(k -> distance(k, key) <= 2).findFirst();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        Arrays.setAll(previous, i -> i);
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
