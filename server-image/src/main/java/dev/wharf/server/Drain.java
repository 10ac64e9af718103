package dev.wharf.server;

/**
 * The pipeline event a door fires at every open session when the server shuts down: the session says
 * {@code 421} and closes once it is idle, so a running transfer ends first and nobody just sees the
 * connection drop.
 */
public enum Drain {
    REQUESTED
}
