package dev.wharf.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Things several doors of one server share and that only exist once per key, such as the passive
 * data-port allocator of a port range: the first door that asks creates it, later doors get the same.
 */
public final class SharedResources {

    private final Map<Object, Object> resources = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> create) {
        return (T) resources.computeIfAbsent(key, k -> create.get());
    }
}
