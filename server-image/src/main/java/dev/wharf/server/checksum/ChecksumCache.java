package dev.wharf.server.checksum;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computed values by file and range, least recently used first out. An entry is only returned while the
 * file still has the size, modification time and inode it had when the value was computed: a rewrite,
 * an append or a replace by rename changes one of them, so a changed file is read again.
 */
final class ChecksumCache {

    /** Which bytes of which file through which algorithm. {@code file}: the jail's real root + the path in it. */
    record Key(String file, ChecksumAlgorithm algorithm, long offset, long length) {}

    /** The stat facts that tell whether the file changed since its value was computed. */
    record Stamp(long size, Instant modified, long inode) {}

    private record Entry(Stamp stamp, String value) {}

    private final int capacity;
    private final Map<Key, Entry> entries;

    ChecksumCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > ChecksumCache.this.capacity;
            }
        };
    }

    /** The cached value of {@code key} if the file is unchanged since, else null. */
    synchronized String get(Key key, Stamp stamp) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.stamp().equals(stamp)) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }

    synchronized void put(Key key, Stamp stamp, String value) {
        entries.put(key, new Entry(stamp, value));
    }

    synchronized int size() {
        return entries.size();
    }
}
