package dev.wharf.server.net;

import dev.wharf.config.Addresses;
import dev.wharf.server.config.ConfigException;
import java.net.InetAddress;
import java.util.List;

/** A set of IPv4/IPv6 CIDR blocks ({@code net.allowed-subnets}); empty means everyone. */
public record CidrSet(List<Block> blocks) {

    public record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    public static final CidrSet EVERYONE = new CidrSet(List.of());

    /** Parses "10.0.0.0/8 ::1 2001:db8::/32" (an address without a prefix is a single host). */
    public static CidrSet parse(List<String> items) {
        return parse("net.allowed-subnets", items);
    }

    /** The same, naming {@code key} in errors. */
    public static CidrSet parse(String key, List<String> items) {
        return new CidrSet(items.stream().map(item -> block(key, item)).toList());
    }

    public boolean isEveryone() {
        return blocks.isEmpty();
    }

    /** One entry, parsed as the schema's check of CIDR lists parses it (never a name lookup). */
    private static Block block(String key, String text) {
        Addresses.Block b = Addresses.block(text).orElseThrow(() -> new ConfigException(
                key + ": " + Addresses.blockProblem(text).orElseThrow()));
        return new Block(b.network(), b.prefix());
    }

    public boolean allows(InetAddress address) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 16 && isV4Mapped(raw)) {
            raw = java.util.Arrays.copyOfRange(raw, 12, 16);
        }
        for (Block b : blocks) {
            if (b.contains(raw)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }
}
