package dev.wharf.server.acl;

/** SlashGrid's ordered access levels: each level includes all those below it. */
public enum AccessLevel {
    NONE, READ, LIST, WRITE, ADMIN;

    public boolean includes(AccessLevel other) {
        return compareTo(other) >= 0;
    }
}
