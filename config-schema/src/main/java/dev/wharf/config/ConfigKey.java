package dev.wharf.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One server.conf key: its name, type, default, allowed values, the doors that read it and one line of
 * documentation. The server's parser checks values against it and docs/configuration.md is generated
 * from it; the operator renders with it.
 *
 * @param defaultValue the value the server uses when the key is unset, or null when there is none
 * @param defaultNote  what the docs say instead of a plain default ("= `control.interface`"), or null
 * @param doors        the doors that read it: door names, {@code all}, or {@code server} for process-wide keys
 */
public record ConfigKey(String name, KeyType type, String defaultValue, String defaultNote, Values values,
                        List<String> doors, String doc) {

    /** "FIRST-LAST" (dCache's "FIRST:LAST" too) within 1..65535, as the server's data.PortRange parses it. */
    private Optional<String> portRangeProblem(String v) {
        String[] parts = v.split("[-:]");
        try {
            if (parts.length == 2) {
                int first = Integer.parseInt(parts[0].strip());
                int last = Integer.parseInt(parts[1].strip());
                if (first >= 1 && last <= 65535 && first <= last) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of(name + " must be FIRST-LAST within 1-65535 (e.g. 20000-25000), got '" + v + "'");
    }

    /** The allowed range (INTEGER) or names (CHOICE). */
    public record Values(long min, long max, List<String> choices) {}

    public static final Values NONE = new Values(0, 0, List.of());

    public static Values range(long min, long max) {
        return new Values(min, max, List.of());
    }

    public static Values choices(String... names) {
        return new Values(0, 0, List.of(names));
    }

    /** The default as a number (INTEGER keys with a default). */
    public long longDefault() {
        return Long.parseLong(defaultValue);
    }

    public int intDefault() {
        return Math.toIntExact(longDefault());
    }

    /**
     * What is wrong with {@code value} for this key, naming the allowed values, or empty when it is fine.
     * Only the type's syntax and range are checked here; paths, addresses and lists are the settings'.
     */
    public Optional<String> problem(String value) {
        String v = value.strip();
        switch (type) {
            case BOOLEAN -> {
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "false", "yes", "no", "on", "off" -> Optional.empty();
                    default -> Optional.of(name + " must be true or false, got '" + v + "'");
                };
            }
            case INTEGER -> {
                try {
                    long n = Long.parseLong(v);
                    return n < values.min() || n > values.max()
                            ? Optional.of(name + " = " + n + " is outside " + values.min() + ".." + values.max())
                            : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of(name + " must be a whole number in " + values.min() + ".." + values.max()
                            + ", got '" + v + "'");
                }
            }
            case CHOICE -> {
                return values.choices().stream().anyMatch(c -> c.equalsIgnoreCase(v)) ? Optional.empty()
                        : Optional.of(name + " must be one of " + String.join(", ", values.choices()) + "; got '" + v + "'");
            }
            case PORT_RANGE -> {
                return portRangeProblem(v);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
