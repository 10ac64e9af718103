package dev.wharf.operator.api;

import dev.wharf.config.Addresses;

/** Regular expressions shared by the schema annotations. */
final class Patterns {

    /** A Kubernetes object name (RFC 1123 subdomain). */
    static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** A Secret or ConfigMap data key. */
    static final String SECRET_KEY = "^[-._a-zA-Z0-9]+$";

    /** A path relative to the pool's root (no leading slash); see {@link #NO_DOTDOT_RULE}. RE2, no lookahead. */
    static final String RELATIVE_PATH = "^[^/].*$";

    /** CEL: no '..' segment. */
    static final String NO_DOTDOT_RULE = "!self.matches('(^|/)[.][.](/|$)')";

    /** A POSIX-ish login name. */
    static final String USER_NAME = "^[a-z_][a-z0-9_-]{0,31}$";

    /** A Linux network interface name, as the server takes it in {@code data.interface}. */
    static final String INTERFACE_NAME = "^" + Addresses.INTERFACE_NAME + "$";

    /** An IPv4 or IPv6 CIDR (shape only; the server parses it exactly). */
    static final String CIDR = "^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]+)/[0-9]{1,3}$";

    private Patterns() {
    }
}
