package dev.wharf.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, CIDR blocks and NIC names as server.conf writes them, parsed without any name
 * lookup (a configuration must never make the server, or the operator's checks, ask DNS).
 */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /**
     * A Linux interface name: at most 15 bytes (IFNAMSIZ - 1), no '/', no white space. A constant, for the
     * operator's CRD pattern of the data NIC's name too.
     */
    public static final String INTERFACE_NAME = "[a-zA-Z0-9_.:@-]{1,15}";
    private static final Pattern INTERFACE = Pattern.compile(INTERFACE_NAME);

    /** A CIDR block: the network's address bytes (4 or 16) and the prefix length. */
    public record Block(byte[] network, int prefix) {}

    private Addresses() {}

    /** Whether {@code text} is written as an IP address (and so must parse as one), not as a NIC name. */
    public static boolean looksLikeAddress(String text) {
        return text.contains(":") || text.matches("[0-9.]+");
    }

    /** The address {@code text} spells (dotted IPv4 or IPv6), or empty; never a name lookup. */
    public static Optional<InetAddress> literal(String text) {
        String t = text.strip();
        if (!IPV4.matcher(t).matches() && !(t.contains(":") && t.matches("[0-9a-fA-F:.]+"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t)); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with {@code text} as an address key's value (an IP literal or a NIC name), or empty. */
    public static Optional<String> addressProblem(String text) {
        String t = text.strip();
        if (looksLikeAddress(t)) {
            return literal(t).isPresent() ? Optional.empty() : Optional.of("'" + t + "' is not an IP address");
        }
        return INTERFACE.matcher(t).matches() ? Optional.empty()
                : Optional.of("'" + t + "' is neither an IP address nor a network interface name (at most 15 of a-z A-Z 0-9 _ . : @ -)");
    }

    /** {@code ADDRESS[/PREFIX]} (no prefix: the single host), or empty when it is not one. */
    public static Optional<Block> block(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        Optional<InetAddress> address = literal(slash < 0 ? t : t.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        byte[] network = address.get().getAddress();
        int bits = network.length * 8;
        if (slash < 0) {
            return Optional.of(new Block(network, bits));
        }
        String prefix = t.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new Block(network, Integer.parseInt(prefix)));
    }

    /** What is wrong with one entry of a CIDR list, naming the allowed form, or empty. */
    public static Optional<String> blockProblem(String text) {
        return block(text).isPresent() ? Optional.empty()
                : Optional.of("'" + text.strip() + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32;"
                        + " prefix at most 32 for IPv4, 128 for IPv6)");
    }
}
