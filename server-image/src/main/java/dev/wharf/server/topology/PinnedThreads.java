package dev.wharf.server.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** The live threads made by the pinning factories and where each runs, for {@code /status} and metrics. */
final class PinnedThreads {

    record Entry(String name, int tid, Role role, CpuSet cpus) {}

    private final Map<String, Entry> threads = new ConcurrentSkipListMap<>();

    void started(String name, int tid, Role role, CpuSet cpus) {
        threads.put(name, new Entry(name, tid, role, cpus));
    }

    void stopped(String name) {
        threads.remove(name);
    }

    long count(Role role) {
        return threads.values().stream().filter(e -> e.role() == role).count();
    }

    List<Map<String, Object>> toStatus() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : threads.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("tid", e.tid());
            m.put("role", e.role().key());
            m.put("cpus", e.cpus().toString());
            out.add(m);
        }
        return out;
    }
}
