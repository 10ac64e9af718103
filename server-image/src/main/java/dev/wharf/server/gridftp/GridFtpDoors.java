package dev.wharf.server.gridftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.gsi.GsiService;

/**
 * The gsiftp door (keys gridftp.enabled, gridftp.port, gridftp.allow-passwords; GSI keys through
 * GsiSettings): an {@link FtpDoor} with the GridFTP command table. See docs/gridftp.md.
 */
public final class GridFtpDoors {

    private GridFtpDoors() {}

    public static FtpDoor create(ServerContext context, FtpSettings settings, PortAllocator ports, GsiService gsi) {
        boolean passwords = context.config().getBoolean("gridftp.allow-passwords", false);
        return new FtpDoor(context, settings, null, ports,
                GridFtpCommands.table(gsi, GridFtpRoots.from(context.config()), passwords), FileChannelOpener.DEFAULT);
    }
}
