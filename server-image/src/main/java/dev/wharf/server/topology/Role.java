package dev.wharf.server.topology;

import java.util.Locale;

/**
 * What a thread does, which decides where it runs. Network event loops are pinned one CPU each (the
 * classic event-loop-per-core layout, as mdtmFTP binds one I/O thread per CPU); disk and control
 * threads block or idle a lot, so each may run anywhere in its role's set and the kernel balances them.
 */
public enum Role {
    /** Netty event loops of control and data channels: near the data NIC. */
    NET(true),
    /** Storage I/O, checksums, authentication (the blocking executor): near the storage device. */
    DISK(false),
    /** Accept loops, the admin endpoint, housekeeping: on what is left. */
    CONTROL(false);

    private final boolean onePerCpu;

    Role(boolean onePerCpu) {
        this.onePerCpu = onePerCpu;
    }

    /** Whether each thread gets one CPU of the role's set (round-robin) instead of the whole set. */
    public boolean onePerCpu() {
        return onePerCpu;
    }

    /** The name used in {@code threads.pinning}, logs, metrics and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
