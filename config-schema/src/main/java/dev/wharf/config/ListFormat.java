package dev.wharf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** {@code ftp.list-format}: how LIST prints entries (MLSD is always precise); server and CRD alike. */
public enum ListFormat {
    @JsonProperty("ls-l")
    LS_L("ls-l"),
    @JsonProperty("legacy")
    LEGACY("legacy");

    private final String value;

    ListFormat(String value) {
        this.value = value;
    }

    /** The word server.conf and the CRD use. */
    public String value() {
        return value;
    }

    public static Optional<ListFormat> of(String word) {
        return Arrays.stream(values()).filter(f -> f.value.equalsIgnoreCase(word.strip())).findFirst();
    }

    static String[] words() {
        return Arrays.stream(values()).map(ListFormat::value).toArray(String[]::new);
    }
}
