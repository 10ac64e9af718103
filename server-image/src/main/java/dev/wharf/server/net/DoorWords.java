package dev.wharf.server.net;

/**
 * What a door's protocol says when {@link DoorFront} turns a connection away: FTP answers {@code 421},
 * dCap (client-speaks-first, no session id yet) says nothing and closes.
 */
@FunctionalInterface
public interface DoorWords {

    /** The line to send (with its line end) before closing, or null to close silently. */
    String refusal(Refusal reason);

    DoorWords SILENT = reason -> null;
}
