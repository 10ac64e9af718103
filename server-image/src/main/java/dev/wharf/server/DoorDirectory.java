package dev.wharf.server;

import java.util.Map;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The doors this server built, by name, for a door that points clients at another: SRM hands out TURLs
 * on the gsiftp and dCap doors and must name the address and port each is bound to (the real port when
 * server.conf says 0). Filled by {@link DoorKind} as doors are built; one per server, in its {@link SharedResources}.
 */
public final class DoorDirectory {

    private final Map<String, Door> doors = new ConcurrentHashMap<>();

    void add(Door door) {
        doors.put(door.name(), door);
    }

    /** The bound address of the door named {@code name} (a DoorTable name), empty when it is not running. */
    public Optional<InetSocketAddress> address(String name) {
        Door door = doors.get(name);
        try {
            return Optional.ofNullable(door == null ? null : door.localAddress());
        } catch (RuntimeException notBoundYet) {
            return Optional.empty();
        }
    }
}
