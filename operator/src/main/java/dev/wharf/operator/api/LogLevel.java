package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Server log level ({@code log.level}). */
public enum LogLevel {
    @JsonProperty("error")
    ERROR,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("info")
    INFO,
    @JsonProperty("debug")
    DEBUG,
    @JsonProperty("trace")
    TRACE;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
