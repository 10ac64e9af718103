package dev.wharf.config;

/** What a server.conf value is; the schema checks the first three, the server's settings the rest. */
public enum KeyType {
    BOOLEAN("boolean"),
    INTEGER("integer"),
    CHOICE("one of"),
    ADDRESS("address or NIC name"),
    PATH("path"),
    PORT_RANGE("port range"),
    LIST("list"),
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
