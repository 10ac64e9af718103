package dev.wharf.server.privileges;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import dev.wharf.server.topology.SysTree;

/** The effective capability set ({@code CapEff} of {@code /proc/self/status}). */
public record Capabilities(long effective) {

    public static final Capabilities NONE = new Capabilities(0);

    /** Parses the 64-bit hexadecimal {@code CapEff} value. */
    public static Capabilities parse(String hex) {
        try {
            return new Capabilities(Long.parseUnsignedLong(hex.strip().toLowerCase(Locale.ROOT), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a capability mask: '" + hex.strip() + "'");
        }
    }

    /** Of this process, read below {@code root}; none when it cannot be read (not Linux). */
    public static Capabilities current(Path root) {
        for (String line : new SysTree(root).lines("proc/self/status")) {
            if (line.startsWith("CapEff:")) {
                return parse(line.substring("CapEff:".length()));
            }
        }
        return NONE;
    }

    public boolean has(Capability c) {
        return (effective & (1L << c.bit())) != 0;
    }

    public Capabilities without(Capability c) {
        return new Capabilities(effective & ~(1L << c.bit()));
    }

    public Set<Capability> present() {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if (has(c)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format("%016x", effective);
    }
}
