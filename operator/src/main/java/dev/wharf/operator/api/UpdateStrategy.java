package dev.wharf.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How pods pick up a changed pod template (a spec change, a new image, a changed start-only credential). */
public enum UpdateStrategy {
    /** One pod at a time, the next only once the new one is ready (StatefulSet RollingUpdate). */
    @JsonProperty("rolling")
    ROLLING,
    /**
     * Nothing restarts by itself: the status marks pods outdated and the user or admin deletes them when no
     * transfer runs (StatefulSet OnDelete).
     */
    @JsonProperty("onDelete")
    ON_DELETE
}
