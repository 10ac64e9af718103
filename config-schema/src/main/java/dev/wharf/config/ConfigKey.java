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

    /** The allowed range (INTEGER) or names (CHOICE). */
    public record Values(long min, long max, List<String> choices) {}

    public static final Values NONE = new Values(0, 0, List.of());

    public static Values range(long min, long max) {
        return new Values(min, max, List.of());
    }

    public static Values choices(String... names) {
        return new Values(0, 0, List.of(names));
    }

    /** The items of a list value: comma- or space-separated, empty when blank. */
    public static List<String> items(String value) {
        String v = value.strip();
        return v.isEmpty() ? List.of() : List.of(v.split("[\\s,]+"));
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
     * The value's syntax and range are checked here; whether a path exists or a NIC is present is the
     * server's to find out at start, and rules between keys are {@link ServerConfRules}'.
     */
    public Optional<String> problem(String value) {
        String v = value.strip();
        return switch (type) {
            case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "false", "yes", "no", "on", "off" -> Optional.empty();
                default -> Optional.of(name + " must be true or false, got '" + v + "'");
            };
            case INTEGER -> integerProblem(v);
            case CHOICE -> isChoice(v) ? Optional.empty() : Optional.of(name + " must be " + allowed() + "; got '" + v + "'");
            case PORT_RANGE -> PortRange.problem(v).map(p -> name + " " + p);
            case ADDRESS -> Addresses.addressProblem(v).map(p -> name + ": " + p);
            case CIDR_LIST -> items(v).stream().map(Addresses::blockProblem).flatMap(Optional::stream).findFirst()
                    .map(p -> name + ": " + p);
            case LIST -> values.choices().isEmpty() ? Optional.empty()
                    : items(v).stream().filter(item -> !isChoice(item)).findFirst()
                            .map(item -> name + ": '" + item + "' is not " + allowed());
            case PATH -> v.indexOf('\0') >= 0 ? Optional.of(name + " must be a path without NUL characters") : Optional.empty();
            case TEXT -> Optional.empty();
        };
    }

    private Optional<String> integerProblem(String v) {
        try {
            long n = Long.parseLong(v);
            return n < values.min() || n > values.max()
                    ? Optional.of(name + " = " + n + " is outside " + values.min() + ".." + values.max())
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(name + " must be a whole number in " + values.min() + ".." + values.max() + ", got '" + v + "'");
        }
    }

    private boolean isChoice(String v) {
        return values.choices().stream().anyMatch(c -> c.equalsIgnoreCase(v));
    }

    private String allowed() {
        return "one of " + String.join(", ", values.choices());
    }
}
