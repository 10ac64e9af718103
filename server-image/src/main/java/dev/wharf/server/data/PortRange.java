package dev.wharf.server.data;

import dev.wharf.server.config.ConfigException;

/** An inclusive range of TCP ports for passive data listeners ({@code data.port-range}). */
public record PortRange(int first, int last) {

    public static final PortRange DEFAULT = new PortRange(20000, 25000);

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new ConfigException("data.port-range must be FIRST-LAST within 1-65535, got " + first + "-" + last);
        }
    }

    /** Parses "FIRST-LAST" (dCache's "FIRST:LAST" is accepted too). */
    public static PortRange parse(String text) {
        String[] parts = text.strip().split("[-:]");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new PortRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new ConfigException("data.port-range must look like 20000-25000, got '" + text + "'");
        }
    }

    public int size() {
        return last - first + 1;
    }
}
