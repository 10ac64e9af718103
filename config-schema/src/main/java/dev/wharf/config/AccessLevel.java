package dev.wharf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * SlashGrid's ordered access levels, weakest first; each includes all those below it. The one definition
 * for the server ({@code .grid-acl}, {@code acl.default.*}) and the operator's CRD fields: the JSON names
 * are the server.conf and {@code .grid-acl} words.
 */
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

    public boolean includes(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    /** The word server.conf, {@code .grid-acl} files and the CRDs use. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code word}, in any case. */
    public static Optional<AccessLevel> of(String word) {
        return Arrays.stream(values()).filter(l -> l.value().equalsIgnoreCase(word.strip())).findFirst();
    }

    /** Every level's word, weakest first: the allowed values of the keys that take one. */
    static String[] words() {
        return Arrays.stream(values()).map(AccessLevel::value).toArray(String[]::new);
    }
}
