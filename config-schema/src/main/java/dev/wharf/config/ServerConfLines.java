package dev.wharf.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * server.conf's syntax, shared by the server (which loads it) and the operator (which renders it and
 * checks its rendering): {@code key = value} lines, {@code #} comments, blank lines ignored, each key once.
 */
public final class ServerConfLines {

    /** One {@code key = value} line and where it is. */
    public record Entry(String key, String value, int line) {}

    /** A line that is not {@code key = value}, or a key set twice; the message names source and line. */
    public static final class SyntaxException extends IllegalArgumentException {
        public SyntaxException(String message) {
            super(message);
        }
    }

    private ServerConfLines() {}

    /** The entries of {@code lines} by key, in file order. */
    public static Map<String, Entry> parse(List<String> lines, String source) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new SyntaxException(source + ":" + (i + 1) + ": expected 'key = value', got: " + line);
            }
            String key = line.substring(0, eq).strip();
            if (entries.put(key, new Entry(key, line.substring(eq + 1).strip(), i + 1)) != null) {
                throw new SyntaxException(source + ":" + (i + 1) + ": key '" + key + "' is set twice");
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /**
     * Every problem of a parsed file, each as {@code source:line: problem}: unknown keys, values of the wrong
     * type or range ({@link ServerConfSchema#problem}) and broken rules between keys ({@link ServerConfRules}),
     * the checks the server's settings make as they read the file; empty when the server would take it.
     */
    public static List<String> problems(Map<String, Entry> entries, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        entries.forEach((key, e) -> values.put(key, e.value()));
        return problems(values, key -> entries.containsKey(key) ? source + ":" + entries.get(key).line() : source,
                ServerConfSchema::key);
    }

    /**
     * The same over plain values: {@code where} names a key's place ({@code file:line}, "command line"),
     * also for a key that is not set; {@code declarations} is the schema (tests of the server's settings
     * give it another).
     */
    public static List<String> problems(Map<String, String> values, Function<String, String> where,
                                        Function<String, Optional<ConfigKey>> declarations) {
        List<String> problems = new ArrayList<>();
        values.forEach((key, value) -> ServerConfSchema.problem(key, value).ifPresent(p -> problems.add(where.apply(key) + ": " + p)));
        if (problems.isEmpty()) { // rules read values as numbers and flags: only once each value is well-formed
            for (ServerConfRules.Problem p : ServerConfRules.problems(ServerConfRules.of(k -> Optional.ofNullable(values.get(k)), declarations))) {
                problems.add(where.apply(p.key()) + ": " + p.message());
            }
        }
        return problems;
    }
}
