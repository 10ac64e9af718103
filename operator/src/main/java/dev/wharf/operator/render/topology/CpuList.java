package dev.wharf.operator.render.topology;

import java.util.BitSet;

/** The kernel's cpulist notation ({@code 0-3,8,10-11}; strides like {@code 0-15:2} accepted). */
public final class CpuList {

    private CpuList() {
    }

    /** Parses a cpulist; {@code null} or blank is the empty set. */
    public static BitSet parse(String list) {
        BitSet cpus = new BitSet();
        if (list == null || list.isBlank()) {
            return cpus;
        }
        for (String part : list.trim().split(",")) {
            String p = part.trim();
            int stride = 1;
            int colon = p.indexOf(':');
            if (colon >= 0) {
                stride = Integer.parseInt(p.substring(colon + 1));
                p = p.substring(0, colon);
            }
            int dash = p.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
            if (from > to || stride < 1) {
                throw new IllegalArgumentException("bad cpulist element '" + part + "' in '" + list + "'");
            }
            for (int c = from; c <= to; c += stride) {
                cpus.set(c);
            }
        }
        return cpus;
    }

    /** Canonical form: ascending, runs of two or more as ranges. */
    public static String format(BitSet cpus) {
        StringBuilder sb = new StringBuilder();
        int c = cpus.nextSetBit(0);
        while (c >= 0) {
            int end = c;
            while (cpus.get(end + 1)) {
                end++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c);
            if (end > c) {
                sb.append('-').append(end);
            }
            c = cpus.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    /** Whether every CPU of {@code inner} is in {@code outer} (and inner is not empty). */
    public static boolean within(BitSet inner, BitSet outer) {
        if (inner.isEmpty()) {
            return false;
        }
        BitSet rest = (BitSet) inner.clone();
        rest.andNot(outer);
        return rest.isEmpty();
    }
}
