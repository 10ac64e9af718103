package dev.wharf.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * docs/configuration.md's key tables, rendered from the schema: one table per {@link Section}, between
 * {@code <!-- keys: NAME -->} and {@code <!-- /keys -->} markers; the prose around them is hand-written.
 * {@code ConfigurationDocTest} fails when the page differs, and rewrites it with {@code -Dwharf.docs.update=true}.
 */
public final class ConfigurationTables {

    static final String END = "<!-- /keys -->";

    private ConfigurationTables() {}

    static String begin(Section section) {
        return "<!-- keys: " + section.name() + " (generated from dev.wharf.config." + "ServerConfSchema; do not edit) -->";
    }

    /** The markdown table of {@code section}, with its markers. */
    public static String render(Section section) {
        List<String> lines = new ArrayList<>();
        lines.add(begin(section));
        lines.add("| key | type | default | doors | meaning |");
        lines.add("|---|---|---|---|---|");
        for (ConfigKey k : section.keys()) {
            lines.add("| `" + k.name() + "` | " + type(k) + " | " + defaultText(k) + " | " + String.join(", ", k.doors())
                    + " | " + k.doc().replace("|", "\\|") + " |");
        }
        lines.add(END);
        return String.join("\n", lines);
    }

    /** {@code page} with every section's table replaced by its rendering; sections without markers are an error. */
    public static String rewrite(String page) {
        String result = page;
        for (Section section : Section.values()) {
            int start = result.indexOf(begin(section));
            int end = start < 0 ? -1 : result.indexOf(END, start);
            if (start < 0 || end < 0) {
                throw new IllegalArgumentException("docs/configuration.md has no generated table for " + section
                        + " (a line '" + begin(section) + "' ... '" + END + "')");
            }
            result = result.substring(0, start) + render(section) + result.substring(end + END.length());
        }
        return result;
    }

    private static String type(ConfigKey k) {
        return switch (k.type()) {
            case INTEGER -> "integer " + k.values().min() + ".." + k.values().max();
            case CHOICE -> choices(k);
            case LIST -> k.values().choices().isEmpty() ? k.type().label() : "list of " + choices(k);
            default -> k.type().label();
        };
    }

    private static String choices(ConfigKey k) {
        return k.values().choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
    }

    private static String defaultText(ConfigKey k) {
        if (k.defaultValue() != null) {
            return "`" + k.defaultValue() + "`";
        }
        return k.defaultNote() != null ? k.defaultNote() : "unset";
    }
}
