package dev.wharf.server.config;

import dev.wharf.config.ConfigKey;
import dev.wharf.config.KeyType;
import dev.wharf.config.PortRange;
import dev.wharf.config.ServerConfLines;
import dev.wharf.config.ServerConfRules;
import dev.wharf.config.ServerConfSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The server's {@code server.conf}: {@code key = value} lines, {@code #} comments, blank lines ignored.
 * Keys are dotted and lower-case ({@code ftp.port}, {@code data.port-range}); every key is declared in
 * {@code dev.wharf.config.ServerConfSchema} (and so in docs/configuration.md). Each concern reads its own
 * keys into its own settings record through the {@code declared*} getters, which take the default and the
 * bounds from that declaration, so a settings record spells no default of its own. Every read value is
 * checked against its declaration and the rules between keys ({@link ServerConfRules}) as it is read; the
 * operator's tests run the same checks on every file it renders.
 */
public final class ConfigFile {

    private final Map<String, String> values;
    private final String source;
    /** Line "number" of keys set by the command line's flags ({@link #with}). */
    private static final int COMMAND_LINE = 0;

    /** The line each key of the file is on, {@link #COMMAND_LINE} for a flag's key. */
    private final Map<String, Integer> lines;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    /** The schema: {@code ServerConfSchema}'s, or another one in the tests that prove no record has its own. */
    private final Function<String, Optional<ConfigKey>> declarations;

    private ConfigFile(Map<String, String> values, String source, Map<String, Integer> lines,
                       Function<String, Optional<ConfigKey>> declarations) {
        this.values = Collections.unmodifiableMap(values);
        this.source = source;
        this.lines = Map.copyOf(lines);
        this.declarations = declarations;
    }

    private ConfigFile(Map<String, String> values, String source, Map<String, Integer> lines) {
        this(values, source, lines, ServerConfSchema::key);
    }

    /** The same values read against another schema (tests: a changed default must change the settings). */
    public ConfigFile withDeclarations(Function<String, Optional<ConfigKey>> other) {
        return new ConfigFile(new LinkedHashMap<>(values), source, lines, other);
    }

    public static ConfigFile empty() {
        return new ConfigFile(new LinkedHashMap<>(), "defaults", Map.of());
    }

    public static ConfigFile of(Map<String, String> values) {
        return new ConfigFile(new LinkedHashMap<>(values), "map", Map.of());
    }

    public static ConfigFile load(Path file) {
        return parse(ConfiguredFile.lines(file, "configuration file (-c)", ConfiguredFile.LIST_LIMIT), file.toString());
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
        return new ConfigFile(merged, source, numbers, declarations);
    }

    /**
     * Checks every key and value against the declared schema and the rules between keys
     * ({@link ServerConfLines#problems}, what the operator's tests run on its renderings): an unknown key,
     * a value of the wrong type or range or a broken rule stops the server, every problem named with its
     * file and line ({@code t.conf:12: unknown key srm.enabled}) and the allowed values.
     */
    public void validate() {
        List<String> problems = ServerConfLines.problems(values, this::where, declarations);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }

    /**
     * {@code e} with the place of the key its message starts with ({@code tls.key = /x: file not found}
     * becomes {@code t.conf:7: tls.key = ...}): the checks only the host can make (files, directories,
     * NICs) name their key, and this adds the file and line once, where start-up reports them.
     */
    public ConfigException located(ConfigException e) {
        String message = e.getMessage();
        if (message == null || message.startsWith(source + ":") || message.startsWith("command line:")) {
            return e;
        }
        return values.keySet().stream()
                .filter(k -> message.length() > k.length() && message.startsWith(k) && " :=".indexOf(message.charAt(k.length())) >= 0)
                .max(Comparator.comparingInt(String::length))
                .map(k -> new ConfigException(where(k) + ": " + message, e))
                .orElse(e);
    }

    /** {@code file:line} of a key of the file, "command line" for a flag's key, else the source. */
    public String where(String key) {
        Integer line = lines.get(key);
        if (line == null) {
            return source;
        }
        return line == COMMAND_LINE ? "command line" : source + ":" + line;
    }

    /**
     * The value of {@code key}, empty when unset; a value its declaration refuses, or a broken rule between
     * it and other keys, is a {@link ConfigException} naming the file, the line and the key.
     */
    public Optional<String> get(String key) {
        read.add(key);
        Optional<String> value = Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
        value.flatMap(v -> declarations.apply(key).flatMap(k -> k.problem(v))).ifPresent(p -> {
            throw new ConfigException(where(key) + ": " + p);
        });
        ServerConfRules.problemsInvolving(key, ServerConfRules.of(k -> Optional.ofNullable(values.get(k)), declarations))
                .stream().findFirst().ifPresent(p -> {
                    throw new ConfigException(where(p.key()) + ": " + p.message());
                });
        return value.map(String::strip);
    }

    private int getInt(String key, int defaultValue, int min, int max) {
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

    private long getLong(String key, long defaultValue, long min, long max) {
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

    private boolean getBoolean(String key, boolean defaultValue) {
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
        String value = get(key).orElse(k.defaultValue()).toLowerCase(java.util.Locale.ROOT);
        k.problem(value).ifPresent(p -> {
            throw new ConfigException(where(key) + ": " + p);
        });
        return value;
    }

    /** A TEXT, ADDRESS or PATH key with the default declared in the schema. */
    public String declaredString(String key) {
        return get(key).orElse(declared(key, null).defaultValue());
    }

    /** A PATH key with the default declared in the schema. */
    public Path declaredPath(String key) {
        return Path.of(declaredString(key));
    }

    /** A LIST key's items, or the declared default's when unset; each item checked against the declared choices. */
    public List<String> declaredList(String key) {
        return ConfigKey.items(declaredString(key));
    }

    /** A PORT_RANGE key with the default declared in the schema. */
    public PortRange declaredPortRange(String key) {
        return PortRange.parse(get(key).orElse(declared(key, KeyType.PORT_RANGE).defaultValue()));
    }

    /**
     * An INTEGER key declared without a plain default (its default depends on another key, which the
     * caller computes), checked against the declared bounds; empty when unset.
     */
    public Optional<Integer> optionalInt(String key) {
        declarations.apply(key).filter(d -> d.type() == KeyType.INTEGER)
                .orElseThrow(() -> new IllegalArgumentException(key + " is not declared as an INTEGER key"));
        return get(key).map(v -> Math.toIntExact(Long.parseLong(v))); // get() checked it against k's bounds
    }

    /** The declaration of {@code key}, which must have a default (and be of {@code type}, unless null). */
    private ConfigKey declared(String key, KeyType type) {
        ConfigKey k = declarations.apply(key).orElseThrow(() -> new IllegalArgumentException("not a server.conf key: " + key));
        if ((type != null && k.type() != type) || k.defaultValue() == null) {
            throw new IllegalArgumentException(key + " is declared as " + k.type() + " with default " + k.defaultValue()
                    + ", not as a " + (type == null ? "key" : type) + " with a default");
        }
        return k;
    }

    /** Whitespace- or comma-separated list; empty when unset. */
    public List<String> getList(String key) {
        return get(key).map(ConfigKey::items).orElse(List.of());
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
