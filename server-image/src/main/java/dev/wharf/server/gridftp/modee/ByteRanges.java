package dev.wharf.server.gridftp.modee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of byte ranges [start, end), merged as they are added: what a MODE E receiver has written
 * (for 111 restart markers) and what a MODE E REST says the client already has. Thread-safe.
 */
public final class ByteRanges {

    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    /** Parses {@code a-b,c-d} (ends exclusive, as GCT prints them). */
    public static ByteRanges parse(String text) {
        ByteRanges r = new ByteRanges();
        for (String part : text.strip().split(",")) {
            String[] ends = part.strip().split("-", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("a range is START-END, got '" + part + "'");
            }
            long start = Long.parseLong(ends[0].strip());
            long end = Long.parseLong(ends[1].strip());
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad range " + part);
            }
            r.add(start, end);
        }
        return r;
    }

    public synchronized void add(long start, long end) {
        if (end <= start) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
    }

    /** The parts of [0, size) not in this set, in order, as {start, end} pairs. */
    public synchronized List<long[]> missing(long size) {
        List<long[]> gaps = new ArrayList<>();
        long at = 0;
        for (Map.Entry<Long, Long> e : ranges.entrySet()) {
            if (e.getKey() >= size) {
                break;
            }
            if (e.getKey() > at) {
                gaps.add(new long[] {at, e.getKey()});
            }
            at = Math.max(at, e.getValue());
        }
        if (at < size) {
            gaps.add(new long[] {at, size});
        }
        return gaps;
    }

    public synchronized boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** {@code a-b,c-d}. */
    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder();
        ranges.forEach((start, end) -> s.append(s.length() == 0 ? "" : ",").append(start).append('-').append(end));
        return s.toString();
    }
}
