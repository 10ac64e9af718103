package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** SlashGrid ACL levels, weakest first ({@code acl.default.*}). */
public enum AccessLevel {
    @JsonProperty("none")
    NONE,
    @JsonProperty("read")
    READ,
    @JsonProperty("list")
    LIST,
    @JsonProperty("write")
    WRITE,
    @JsonProperty("admin")
    ADMIN;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
