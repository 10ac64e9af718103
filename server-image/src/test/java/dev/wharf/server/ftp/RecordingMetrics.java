package dev.wharf.server.ftp;

import dev.wharf.server.metrics.Direction;
import dev.wharf.server.metrics.ServerMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what doors report, keyed like "transfer:ftp:IN:completed". */
public final class RecordingMetrics implements ServerMetrics {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public long get(String key) {
        AtomicLong v = counts.get(key);
        return v == null ? 0 : v.get();
    }

    private void add(String key, long n) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
    }

    @Override public void sessionOpened(String door) { add("sessions:" + door, 1); add("open:" + door, 1); }
    @Override public void sessionClosed(String door) { add("open:" + door, -1); }
    @Override public void login(String door, String result) { add("login:" + door + ":" + result, 1); }
    @Override public void loginThrottled(String door, String reason) { add("throttled:" + door + ":" + reason, 1); }
    @Override public void bytes(String door, Direction d, long count) { add("bytes:" + door + ":" + d, count); }
    @Override public void transfer(String door, Direction d, String outcome) { add("transfer:" + door + ":" + d + ":" + outcome, 1); }
    @Override public void accessDenied(String door, String operation) { add("denied:" + door + ":" + operation, 1); }

    @Override
    public String toString() {
        return counts.toString();
    }
}
