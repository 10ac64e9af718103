package dev.wharf.server.topology;

import dev.wharf.server.config.ConfigException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code threads.pinning} setting: {@code auto} (place roles from the topology), {@code none}
 * (never pin), or an explicit map {@code net:0-1;disk:2-3;control:4} (roles {@code net}, {@code disk},
 * {@code control}, each at most once, CPU lists in cpulist notation; a role left out runs anywhere in
 * the allowed CPUs).
 */
public record PinningSetting(Mode mode, Map<Role, CpuSet> explicit) {

    public static final String KEY = "threads.pinning";

    public enum Mode { AUTO, NONE, EXPLICIT }

    public static final PinningSetting AUTO = new PinningSetting(Mode.AUTO, Map.of());
    public static final PinningSetting NONE = new PinningSetting(Mode.NONE, Map.of());

    public PinningSetting {
        explicit = Collections.unmodifiableMap(explicit.isEmpty() ? new EnumMap<>(Role.class) : new EnumMap<>(explicit));
    }

    /** @throws ConfigException naming the key and the bad part */
    public static PinningSetting parse(String text) {
        String value = text.strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "", "auto" -> {
                return AUTO;
            }
            case "none", "off" -> {
                return NONE;
            }
            default -> { }
        }
        Map<Role, CpuSet> map = new EnumMap<>(Role.class);
        for (String entry : value.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw bad(value, "'" + entry.strip() + "' is not ROLE:CPUS");
            }
            Role role = role(value, entry.substring(0, colon).strip());
            CpuSet cpus;
            try {
                cpus = CpuSet.parse(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw bad(value, e.getMessage());
            }
            if (cpus.isEmpty()) {
                throw bad(value, "role " + role.key() + " has no CPUs");
            }
            if (map.put(role, cpus) != null) {
                throw bad(value, "role " + role.key() + " is given twice");
            }
        }
        if (map.isEmpty()) {
            throw bad(value, "no role given");
        }
        return new PinningSetting(Mode.EXPLICIT, map);
    }

    private static Role role(String value, String name) {
        for (Role r : Role.values()) {
            if (r.key().equals(name.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw bad(value, "unknown role '" + name + "' (net, disk, control)");
    }

    private static ConfigException bad(String value, String why) {
        return new ConfigException(KEY + " = " + value + ": " + why
                + "; expected auto, none, or a map like net:0-1;disk:2-3;control:4");
    }

    @Override
    public String toString() {
        if (mode != Mode.EXPLICIT) {
            return mode.name().toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder();
        explicit.forEach((r, c) -> out.append(out.length() == 0 ? "" : ";").append(r.key()).append(':').append(c));
        return out.toString();
    }
}
