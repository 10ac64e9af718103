package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** LIST output format ({@code ftp.list-format}). */
public enum ListFormat {
    @JsonProperty("ls-l")
    LS_L("ls-l"),
    @JsonProperty("legacy")
    LEGACY("legacy");

    private final String value;

    ListFormat(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
