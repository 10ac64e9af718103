package dev.wharf.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Optional;

/**
 * An inclusive range of TCP ports, {@code first..last} within 1..65535: {@code data.port-range} on the
 * server, the pool's and each server's port ranges in the operator's CRDs (whose schema bounds are these
 * annotations). A range that breaks the bounds cannot be built.
 */
@ValidationRule(value = "self.first <= self.last", message = "first must not be greater than last")
public record PortRange(
        @Required @Min(LOWEST) @Max(HIGHEST) @JsonPropertyDescription("First port of the range (inclusive).") int first,
        @Required @Min(LOWEST) @Max(HIGHEST) @JsonPropertyDescription("Last port of the range (inclusive).") int last) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 65535;

    public PortRange {
        if (first < LOWEST || last > HIGHEST || first > last) {
            throw new IllegalArgumentException(problemOf(first + "-" + last));
        }
    }

    /** Parses "FIRST-LAST" (dCache's "FIRST:LAST" too); the message of a failure names the allowed form. */
    public static PortRange parse(String text) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String[] parts = text.strip().split("[-:]");
        return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    /** What is wrong with {@code text} as a range, or empty. */
    public static Optional<String> problem(String text) {
        String[] parts = text.strip().split("[-:]");
        try {
            if (parts.length == 2) {
                int first = Integer.parseInt(parts[0].strip());
                int last = Integer.parseInt(parts[1].strip());
                if (first >= LOWEST && last <= HIGHEST && first <= last) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Optional.of(problemOf(text.strip()));
    }

    private static String problemOf(String text) {
        return "must be FIRST-LAST within " + LOWEST + "-" + HIGHEST + " (e.g. 20000-25000), got '" + text + "'";
    }

    /** Number of ports in the range. */
    @JsonIgnore
    public int size() {
        return last - first + 1;
    }

    @JsonIgnore
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** {@code FIRST-LAST}, the form server.conf's {@code data.port-range} uses. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
