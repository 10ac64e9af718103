package dev.wharf.config;

/** What a server.conf value is; {@link ConfigKey#problem} checks each value's syntax, the server's settings the rest. */
public enum KeyType {
    BOOLEAN("boolean"),
    INTEGER("integer"),
    CHOICE("one of"),
    ADDRESS("address or NIC name"),
    PATH("path"),
    PORT_RANGE("port range"),
    LIST("list"),
    /** IPv4/IPv6 CIDR blocks or addresses, comma or space separated. */
    CIDR_LIST("CIDR list"),
    TEXT("text");

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    /** How docs/configuration.md names the type. */
    public String label() {
        return label;
    }
}
