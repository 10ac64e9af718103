package dev.wharf.server;

import java.util.List;

/**
 * Every kind of door this server can run, in start order. Adding a door is one line here (and its
 * keys in docs/configuration.md). Doors whose issue is still open are not listed, so their keys are
 * refused as unknown until they land.
 */
final class DoorTable {

    private DoorTable() {}

    static final List<DoorKind<?>> KINDS = List.of(
            // new DoorKind<>("ftp", true, FtpSettings::plain, (c, s, shared) -> new FtpDoor(c, s, ports(shared, s))),
    );
}
