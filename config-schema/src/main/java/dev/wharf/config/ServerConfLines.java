package dev.wharf.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Every problem of a parsed file against the schema, each as {@code source:line: problem}; empty when valid. */
    public static List<String> problems(Map<String, Entry> entries, String source) {
        List<String> problems = new ArrayList<>();
        for (Entry e : entries.values()) {
            ServerConfSchema.problem(e.key(), e.value()).ifPresent(p -> problems.add(source + ":" + e.line() + ": " + p));
        }
        return problems;
    }
}
