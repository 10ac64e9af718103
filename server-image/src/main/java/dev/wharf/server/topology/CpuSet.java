package dev.wharf.server.topology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An immutable set of CPU numbers in the kernel's cpulist notation ({@code 0-3,8,10-11}), as found in
 * {@code cpulist}, {@code local_cpulist}, {@code Cpus_allowed_list} and {@code cpuset.cpus.effective}.
 */
public final class CpuSet {

    /** Far above any real machine; keeps a typo like {@code 0-99999999} from allocating gigabytes. */
    static final int MAX_CPU = 1 << 16;

    public static final CpuSet EMPTY = new CpuSet(new BitSet());

    private final BitSet bits;

    private CpuSet(BitSet bits) {
        this.bits = bits;
    }

    public static CpuSet of(int... cpus) {
        BitSet bits = new BitSet();
        for (int cpu : cpus) {
            check(cpu, String.valueOf(cpu));
            bits.set(cpu);
        }
        return new CpuSet(bits);
    }

    public static CpuSet range(int first, int last) {
        BitSet bits = new BitSet();
        bits.set(first, last + 1);
        return new CpuSet(bits);
    }

    /**
     * Parses a cpulist: comma-separated CPUs and inclusive ranges, optionally with a stride
     * ({@code 0-15:2}, as the kernel accepts); surrounding blanks and a trailing newline are allowed,
     * an empty string is the empty set.
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public static CpuSet parse(String text) {
        BitSet bits = new BitSet();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return EMPTY;
        }
        for (String part : trimmed.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty element in cpulist '" + trimmed + "'");
            }
            int stride = 1;
            int colon = item.indexOf(':');
            String span = item;
            if (colon >= 0) {
                stride = number(item.substring(colon + 1), trimmed);
                span = item.substring(0, colon);
                if (stride < 1) {
                    throw new IllegalArgumentException("stride must be positive in cpulist '" + trimmed + "'");
                }
            }
            int dash = span.indexOf('-');
            if (dash < 0) {
                if (colon >= 0) {
                    throw new IllegalArgumentException("stride needs a range in cpulist '" + trimmed + "'");
                }
                int cpu = number(span, trimmed);
                check(cpu, trimmed);
                bits.set(cpu);
                continue;
            }
            int first = number(span.substring(0, dash), trimmed);
            int last = number(span.substring(dash + 1), trimmed);
            check(first, trimmed);
            check(last, trimmed);
            if (last < first) {
                throw new IllegalArgumentException("descending range '" + span + "' in cpulist '" + trimmed + "'");
            }
            for (int cpu = first; cpu <= last; cpu += stride) {
                bits.set(cpu);
            }
        }
        return new CpuSet(bits);
    }

    /** Parses the hexadecimal mask form ({@code Cpus_allowed: ff,ffffffff}), comma-grouped in 32-bit words. */
    public static CpuSet parseMask(String text) {
        String hex = text.strip().replace(",", "");
        BitSet bits = new BitSet();
        int bit = 0;
        for (int i = hex.length() - 1; i >= 0; i--, bit += 4) {
            int nibble = Character.digit(hex.charAt(i), 16);
            if (nibble < 0) {
                throw new IllegalArgumentException("not a hexadecimal CPU mask: '" + text.strip() + "'");
            }
            for (int b = 0; b < 4; b++) {
                if ((nibble & (1 << b)) != 0) {
                    bits.set(bit + b);
                }
            }
        }
        return new CpuSet(bits);
    }

    private static int number(String s, String whole) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a CPU number in cpulist '" + whole + "'");
        }
    }

    private static void check(int cpu, String whole) {
        if (cpu < 0 || cpu >= MAX_CPU) {
            throw new IllegalArgumentException("CPU " + cpu + " out of range in cpulist '" + whole + "'");
        }
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    public boolean containsAll(CpuSet other) {
        return other.minus(this).isEmpty();
    }

    public IntStream stream() {
        return bits.stream();
    }

    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>();
        bits.stream().forEach(list::add);
        return list;
    }

    /** The lowest CPU; the set must not be empty. */
    public int first() {
        return bits.nextSetBit(0);
    }

    /** The highest CPU; the set must not be empty. */
    public int last() {
        return bits.length() - 1;
    }

    /** The {@code n} lowest CPUs (all of them when there are fewer). */
    public CpuSet firstN(int n) {
        BitSet out = new BitSet();
        int taken = 0;
        for (int cpu = bits.nextSetBit(0); cpu >= 0 && taken < n; cpu = bits.nextSetBit(cpu + 1), taken++) {
            out.set(cpu);
        }
        return new CpuSet(out);
    }

    public CpuSet and(CpuSet other) {
        return combine(other, BitSet::and);
    }

    public CpuSet or(CpuSet other) {
        return combine(other, BitSet::or);
    }

    public CpuSet minus(CpuSet other) {
        return combine(other, BitSet::andNot);
    }

    private CpuSet combine(CpuSet other, java.util.function.BiConsumer<BitSet, BitSet> op) {
        BitSet out = (BitSet) bits.clone();
        op.accept(out, other.bits);
        return new CpuSet(out);
    }

    public CpuSet without(int cpu) {
        BitSet out = (BitSet) bits.clone();
        out.clear(cpu);
        return new CpuSet(out);
    }

    /** The sched_setaffinity mask: bit {@code n} of word {@code n / 64} for CPU {@code n}. */
    public long[] toMask() {
        long[] words = bits.toLongArray();
        return words.length == 0 ? new long[1] : words;
    }

    /** The canonical cpulist: ascending, runs of two or more written as ranges ({@code 0-1}). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int cpu = bits.nextSetBit(0);
        while (cpu >= 0) {
            int end = bits.nextClearBit(cpu) - 1;
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(cpu);
            if (end > cpu) {
                out.append('-').append(end);
            }
            cpu = bits.nextSetBit(end + 1);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }
}
