package dev.wharf.server;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The doors this server built, by name, for a door that points clients at another: SRM hands out TURLs
 * on the gsiftp and dCap doors and must name the port each is bound to (the real one when server.conf
 * says 0). Filled by {@link DoorKind} as doors are built; one per server, in its {@link SharedResources}.
 */
public final class DoorDirectory {

    private final Map<String, Door> doors = new ConcurrentHashMap<>();

    void add(Door door) {
        doors.put(door.name(), door);
    }

    /** The bound port of the door named {@code name} (a DoorTable name), empty when it is not running. */
    public OptionalInt port(String name) {
        Door door = doors.get(name);
        java.net.InetSocketAddress bound;
        try {
            bound = door == null ? null : door.localAddress();
        } catch (RuntimeException notBoundYet) {
            bound = null;
        }
        return bound == null ? OptionalInt.empty() : OptionalInt.of(bound.getPort());
    }
}
