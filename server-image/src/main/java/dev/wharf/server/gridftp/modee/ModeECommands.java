package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.TransferMode;
import dev.wharf.server.ftp.command.Mode;
import dev.wharf.server.ftp.command.Opts;
import java.util.Map;

/**
 * Adds GridFTP MODE E (extended block mode, parallel streams, data channel caching) to a door's
 * command table: MODE E as a second {@link TransferMode} (the transfer commands are the FTP door's, in
 * either mode), OPTS RETR, SPAS/SPOR, ERET/ESTO. FEAT gains PARALLEL, SPAS, SPOR, ERET, ESTO.
 */
public final class ModeECommands {

    private ModeECommands() {}

    public static CommandTable.Builder install(CommandTable.Builder b, ModeESettings settings) {
        TransferMode extended = new ExtendedBlockMode(settings);
        b.replace(new CommandSpec("MODE", new Mode(TransferMode.STREAM, extended), true, false, "PARALLEL",
                "MODE S|E: stream or extended block mode"));
        b.replace(new CommandSpec("OPTS", new Opts(Map.of("RETR", new RetrOptions(settings))), false, false, null,
                "OPTS RETR Parallelism=n,n,n; | OPTS UTF8 ON | OPTS MLST facts"));
        b.describe("PASV", "PASV: passive data connection (MODE E: several)");
        b.describe("REST", "REST <offset> | REST a-b,c-d (MODE E): restart the next transfer");
        b.add(new CommandSpec("SPAS", new SpasCommand(), true, false, "SPAS", "SPAS: striped passive (one stripe)"));
        b.add(new CommandSpec("SPOR", new SporCommand(settings), true, false, "SPOR",
                "SPOR h1,h2,h3,h4,p1,p2 [...]: striped active"));
        b.add(new CommandSpec("ERET", new EretCommand(), true, false, "ERET", "ERET P <offset> <length> <file>: partial download"));
        b.add(new CommandSpec("ESTO", new EstoCommand(), true, false, "ESTO", "ESTO A <offset> <file>: upload at an offset"));
        return b;
    }
}
