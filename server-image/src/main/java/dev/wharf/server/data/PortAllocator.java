package dev.wharf.server.data;

import dev.wharf.config.PortRange;
import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks passive ports from a range without walking it with bind(): ports this process holds are
 * tracked in memory, the search starts at a random port (so a port just released, still in TIME_WAIT
 * on the client side, is not reused at once), and listeners are bound with SO_REUSEADDR so our own
 * TIME_WAIT ports are bindable. A port another process holds fails one bind and is then skipped for
 * {@link #FOREIGN_COOLDOWN_NANOS}. Cost per pick: one bit scan and, normally, one bind.
 */
public final class PortAllocator {

    static final long FOREIGN_COOLDOWN_NANOS = 30_000_000_000L;

    private final PortRange range;
    private final BitSet inUse;
    private final long[] foreignUntil;

    public PortAllocator(PortRange range) {
        this.range = range;
        this.inUse = new BitSet(range.size());
        this.foreignUntil = new long[range.size()];
    }

    public PortRange range() {
        return range;
    }

    /** Reserves a free port, or returns -1 when every port of the range is taken. */
    public synchronized int reserve() {
        int size = range.size();
        int start = ThreadLocalRandom.current().nextInt(size);
        long now = System.nanoTime();
        int index = start;
        for (int scanned = 0; scanned < size; scanned++) {
            index = inUse.nextClearBit(index);
            if (index >= size) {
                index = inUse.nextClearBit(0);
                if (index >= size) {
                    return -1;
                }
            }
            if (foreignUntil[index] == 0 || now - foreignUntil[index] > 0) {
                foreignUntil[index] = 0;
                inUse.set(index);
                return range.first() + index;
            }
            index = (index + 1) % size;
        }
        return -1;
    }

    /** Gives a port back after its listener closed. */
    public synchronized void release(int port) {
        inUse.clear(port - range.first());
    }

    /** Gives back a port whose bind failed because another process holds it; skipped for a while. */
    public synchronized void releaseForeign(int port) {
        int index = port - range.first();
        inUse.clear(index);
        foreignUntil[index] = System.nanoTime() + FOREIGN_COOLDOWN_NANOS;
    }

    public synchronized int reservedCount() {
        return inUse.cardinality();
    }
}
