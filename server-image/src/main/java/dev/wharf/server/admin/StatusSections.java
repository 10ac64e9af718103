package dev.wharf.server.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Named sections of the admin endpoint's {@code /status} JSON. Any component may publish one (the
 * thread plan, a door's session list); the supplier is called on every request, so it must be cheap
 * and thread-safe, and it must return something Jackson can serialise (records, maps, lists).
 */
public final class StatusSections {

    private final Map<String, Supplier<?>> sections = new ConcurrentHashMap<>();

    /** Adds or replaces the section {@code name}. */
    public void add(String name, Supplier<?> supplier) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(supplier, "supplier");
        sections.put(name, supplier);
    }

    public void remove(String name) {
        sections.remove(name);
    }

    /**
     * Every section's current value, sorted by name. A supplier that throws yields
     * {@code {"error": message}} for its section instead of failing the whole page.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> result = new LinkedHashMap<>();
        sections.keySet().stream().sorted().forEach(name -> {
            try {
                result.put(name, sections.get(name).get());
            } catch (RuntimeException e) {
                result.put(name, Map.of("error", String.valueOf(e.getMessage())));
            }
        });
        return result;
    }
}
