package dev.wharf.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.wharf.config.ConfigKey;
import dev.wharf.config.KeyType;
import dev.wharf.config.ServerConfLines;
import dev.wharf.config.ServerConfSchema;
import java.util.ArrayList;
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
    /** Line "number" of keys set by the command line's flags ({@link #with}). */
    private static final int COMMAND_LINE = 0;

    /** The line each key of the file is on, {@link #COMMAND_LINE} for a flag's key. */
    private final Map<String, Integer> lines;
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private ConfigFile(Map<String, String> values, String source, Map<String, Integer> lines) {
        this.values = Collections.unmodifiableMap(values);
        this.source = source;
        this.lines = Map.copyOf(lines);
    }

    public static ConfigFile empty() {
        return new ConfigFile(new LinkedHashMap<>(), "defaults", Map.of());
    }

    public static ConfigFile of(Map<String, String> values) {
        return new ConfigFile(new LinkedHashMap<>(values), "map", Map.of());
    }

    public static ConfigFile load(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses with the syntax the operator renders with ({@link ServerConfLines}). */
    public static ConfigFile parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        try {
            ServerConfLines.parse(lines, source).values().forEach(e -> {
                values.put(e.key(), e.value());
                numbers.put(e.key(), e.line());
            });
        } catch (ServerConfLines.SyntaxException e) {
            throw new ConfigException(e.getMessage());
        }
        return new ConfigFile(values, source, numbers);
    }

    /** A copy with {@code overrides} winning (the command line's flags over the file). */
    public ConfigFile with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        Map<String, Integer> numbers = new LinkedHashMap<>(lines);
        overrides.keySet().forEach(key -> numbers.put(key, COMMAND_LINE));
        return new ConfigFile(merged, source, numbers);
    }

    /**
     * Checks every key and value against the declared schema ({@code dev.wharf.config.ServerConfSchema}):
     * an unknown key or a value of the wrong type or range stops the server, every problem named with
     * its file and line ({@code t.conf:12: unknown key srm.enabled}) and the allowed values.
     */
    public void validate() {
        List<String> problems = new ArrayList<>();
        values.forEach((key, value) -> ServerConfSchema.problem(key, value).ifPresent(p -> problems.add(where(key) + ": " + p)));
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }

    /** {@code file:line} of a key of the file, "command line" for a flag's key, else the source. */
    public String where(String key) {
        Integer line = lines.get(key);
        if (line == null) {
            return source;
        }
        return line == COMMAND_LINE ? "command line" : source + ":" + line;
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
                throw new ConfigException(where(key) + ": " + key + " = " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(where(key) + ": " + key + " must be a whole number, got '" + raw.get() + "'");
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
                throw new ConfigException(where(key) + ": " + key + " = " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(where(key) + ": " + key + " must be a whole number, got '" + raw.get() + "'");
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
            default -> throw new ConfigException(where(key) + ": " + key + " must be true or false, got '" + raw.get() + "'");
        };
    }

    /** An INTEGER key with the default and bounds declared in the schema (no literals in the settings record). */
    public int declaredInt(String key) {
        ConfigKey k = declared(key, KeyType.INTEGER);
        return getInt(key, k.intDefault(), Math.toIntExact(k.values().min()), Math.toIntExact(k.values().max()));
    }

    /** A wide INTEGER key (e.g. a byte count) with the default and bounds declared in the schema. */
    public long declaredLong(String key) {
        ConfigKey k = declared(key, KeyType.INTEGER);
        return getLong(key, k.longDefault(), k.values().min(), k.values().max());
    }

    /** A BOOLEAN key with the default declared in the schema. */
    public boolean declaredBoolean(String key) {
        return getBoolean(key, Boolean.parseBoolean(declared(key, KeyType.BOOLEAN).defaultValue()));
    }

    /** A CHOICE key, lower-case, with the default declared in the schema; a value not among its choices is refused. */
    public String declaredChoice(String key) {
        ConfigKey k = declared(key, KeyType.CHOICE);
        String value = getString(key, k.defaultValue()).toLowerCase(java.util.Locale.ROOT);
        k.problem(value).ifPresent(p -> {
            throw new ConfigException(where(key) + ": " + p);
        });
        return value;
    }

    private static ConfigKey declared(String key, KeyType type) {
        ConfigKey k = ServerConfSchema.require(key);
        if (k.type() != type || (k.defaultValue() == null)) {
            throw new IllegalArgumentException(key + " is declared as " + k.type() + " with default " + k.defaultValue()
                    + ", not as a " + type + " with a default");
        }
        return k;
    }

    /** Whitespace- or comma-separated list; empty when unset. */
    public List<String> getList(String key) {
        return get(key).map(v -> List.of(v.split("[\\s,]+"))).orElse(List.of());
    }

    public Optional<Path> getPath(String key) {
        return get(key).map(Path::of);
    }

    /** Every key some settings record asked for so far, set or not (a test checks each is declared). */
    public Set<String> readKeys() {
        return Set.copyOf(read);
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
