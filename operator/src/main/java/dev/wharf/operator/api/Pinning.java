package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the server pins its I/O threads next to the NIC and disk ({@code threads.pinning}). */
public enum Pinning {
    @JsonProperty("auto")
    AUTO("auto"),
    @JsonProperty("none")
    NONE("none");

    private final String value;

    Pinning(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
