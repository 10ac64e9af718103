package dev.wharf.server.metrics;

/** Which way bytes moved, seen from the server. */
public enum Direction {
    /** Client to server: uploads. */
    IN,
    /** Server to client: downloads and listings. */
    OUT
}
