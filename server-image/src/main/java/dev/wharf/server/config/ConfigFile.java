package dev.wharf.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's {@code server.conf}: {@code key = value} lines, {@code #} comments, blank lines ignored.
 * Keys are dotted and lower-case ({@code ftp.port}, {@code data.port-range}); every key is documented
 * in docs/configuration.md. Each concern reads its own keys into its own settings record through the
 * typed getters; {@link #unusedKeys()} lets start-up refuse typos instead of silently ignoring them.
 */
public final class ConfigFile {

    private final Map<String, String> values;
    private final String source;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private ConfigFile(Map<String, String> values, String source) {
        this.values = Collections.unmodifiableMap(values);
        this.source = source;
    }

    public static ConfigFile empty() {
        return new ConfigFile(new LinkedHashMap<>(), "defaults");
    }

    public static ConfigFile of(Map<String, String> values) {
        return new ConfigFile(new LinkedHashMap<>(values), "map");
    }

    public static ConfigFile load(Path file) {
        return parse(ConfiguredFile.lines(file, "configuration file (-c)", ConfiguredFile.LIST_LIMIT), file.toString());
    }

    public static ConfigFile parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(source + ":" + (i + 1) + ": expected 'key = value', got: " + line);
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (values.put(key, value) != null) {
                throw new ConfigException(source + ":" + (i + 1) + ": key '" + key + "' is set twice");
            }
        }
        return new ConfigFile(values, source);
    }

    /** A copy with {@code overrides} winning (the command line's flags over the file). */
    public ConfigFile with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new ConfigFile(merged, source);
    }

    public Optional<String> get(String key) {
        read.add(key);
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String getString(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(source + ": " + key + " = " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": " + key + " must be a whole number, got '" + raw.get() + "'");
        }
    }

    public long getLong(String key, long defaultValue, long min, long max) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value < min || value > max) {
                throw new ConfigException(source + ": " + key + " = " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": " + key + " must be a whole number, got '" + raw.get() + "'");
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(source + ": " + key + " must be true or false, got '" + raw.get() + "'");
        };
    }

    /** Whitespace- or comma-separated list; empty when unset. */
    public List<String> getList(String key) {
        return get(key).map(v -> List.of(v.split("[\\s,]+"))).orElse(List.of());
    }

    public Optional<Path> getPath(String key) {
        return get(key).map(Path::of);
    }

    /** Keys present in the file that no settings record asked for: almost always typos. */
    public Set<String> unusedKeys() {
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(read);
        return unused;
    }

    public String source() {
        return source;
    }
}
