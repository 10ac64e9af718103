package dev.wharf.operator.render.conf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a CIDR block is one the server parses ({@code net.CidrSet}). The CRD's pattern checks only its
 * shape (RE2 cannot count to 255), so {@code 300.0.0.0/8} or {@code 10.0.0.0/33} pass the API server and
 * would stop the pod at start; here they are found before anything is rendered. Never resolves a name.
 */
final class Cidr {

    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("([0-9a-fA-F:.]+)/(\\d{1,3})");

    private Cidr() {
    }

    /** What is wrong with {@code text} as a CIDR block, or empty when the server would accept it. */
    static Optional<String> problem(String text) {
        Matcher v4 = V4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return Optional.of("'" + text + "' has an octet above 255");
                }
            }
            return prefix(text, v4.group(5), 32);
        }
        Matcher v6 = V6.matcher(text);
        if (v6.matches() && v6.group(1).contains(":")) {
            try {
                // brackets make the JDK parse an IPv6 literal or fail, never look a name up
                InetAddress.getByName("[" + v6.group(1) + "]");
            } catch (UnknownHostException e) {
                return Optional.of("'" + text + "' is not an IPv6 address with a prefix");
            }
            return prefix(text, v6.group(2), 128);
        }
        return Optional.of("'" + text + "' is not a CIDR block such as 192.0.2.0/24 or 2001:db8::/32");
    }

    private static Optional<String> prefix(String text, String prefix, int max) {
        return Integer.parseInt(prefix) > max
                ? Optional.of("'" + text + "' has a prefix length above " + max) : Optional.empty();
    }
}
