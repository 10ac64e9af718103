package dev.wharf.server.gridftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.FtpCommands;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.gridftp.modee.ModeECommands;
import dev.wharf.server.gridftp.modee.ModeESettings;
import dev.wharf.server.gsi.GsiService;

/**
 * The gsiftp door (keys gridftp.enabled, gridftp.port, gridftp.allow-passwords; GSI keys through
 * GsiSettings): an {@link FtpDoor} with the GridFTP command table. See docs/gridftp.md.
 */
public final class GridFtpDoors {

    private GridFtpDoors() {}

    /**
     * The plain FTP door with GridFTP MODE E (parallel streams, cached data connections, SPAS/SPOR,
     * ERET/ESTO) and ALLO remembered for it: globus-url-copy speaks ftp:// to GridFTP servers too, with
     * -p N and -pp. MODE S and everything else stay the FTP door's.
     */
    public static FtpDoor ftpWithModeE(ServerContext context, FtpSettings settings, PortAllocator ports) {
        return ftpWithModeE(context, settings, ports, new FileChecksums());
    }

    /** @param checksums the server's CKSM/HASH cache, shared by its doors */
    public static FtpDoor ftpWithModeE(ServerContext context, FtpSettings settings, PortAllocator ports,
                                       FileChecksums checksums) {
        return new FtpDoor(context, settings, context.tls() == null ? null : context.tls().sslContext(), ports,
                ftpCommands(context.config(), checksums), FileChannelOpener.DEFAULT);
    }

    /** The FTP door's command table plus MODE E (see {@link #ftpWithModeE}). */
    public static CommandTable ftpCommands(ConfigFile config) {
        return ftpCommands(config, new FileChecksums());
    }

    private static CommandTable ftpCommands(ConfigFile config, FileChecksums checksums) {
        CommandTable.Builder b = ModeECommands.install(FtpCommands.builder(checksums),
                ModeESettings.from(config));
        b.replace(new CommandSpec("ALLO", new GridAllo(), true, false, null, "ALLO <bytes>: size of the next upload"));
        return b.build(CommandTable.MANDATORY);
    }

    public static FtpDoor create(ServerContext context, FtpSettings settings, PortAllocator ports, GsiService gsi) {
        return create(context, settings, ports, gsi, new FileChecksums());
    }

    public static FtpDoor create(ServerContext context, FtpSettings settings, PortAllocator ports, GsiService gsi,
                                 FileChecksums checksums) {
        boolean passwords = context.config().declaredBoolean("gridftp.allow-passwords");
        return new FtpDoor(context, settings, null, ports, GridFtpCommands.table(gsi, GridFtpRoots.from(context.config()),
                passwords, context.config(), checksums), FileChannelOpener.DEFAULT);
    }
}
