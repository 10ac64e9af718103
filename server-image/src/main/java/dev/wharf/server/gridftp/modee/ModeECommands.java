package dev.wharf.server.gridftp.modee;

import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.FtpCommands;

/**
 * Adds GridFTP MODE E (extended block mode, parallel streams, data channel caching) to a door's
 * command table: MODE, OPTS RETR, PASV/EPSV that keep accepting, SPAS/SPOR, RETR/STOR in blocks,
 * ERET/ESTO, REST with ranges. MODE S behaviour stays the FTP door's. FEAT gains PARALLEL, SPAS, SPOR,
 * ERET, ESTO.
 */
public final class ModeECommands {

    private ModeECommands() {}

    public static CommandTable.Builder install(CommandTable.Builder b, ModeESettings settings) {
        CommandTable ftp = FtpCommands.standard();
        b.replace(new CommandSpec("MODE", new ModeCommand(), true, false, "PARALLEL", "MODE S|E: stream or extended block mode"));
        b.replace(new CommandSpec("OPTS", new OptsCommand(ftp.get("OPTS").command(), settings), false, false, null,
                "OPTS RETR Parallelism=n,n,n; | OPTS UTF8 ON | OPTS MLST facts"));
        b.replace(new CommandSpec("PASV", new PassiveCommand(ftp.get("PASV").command(), settings), true, false, null,
                "PASV: passive data connection (MODE E: several)"));
        b.replace(new CommandSpec("EPSV", new PassiveCommand(ftp.get("EPSV").command(), settings), true, false, "EPSV",
                "EPSV [1|2|ALL]: extended passive"));
        b.add(new CommandSpec("SPAS", new SpasCommand(ftp.get("PASV").command(), settings), true, false, "SPAS",
                "SPAS: striped passive (one stripe)"));
        b.add(new CommandSpec("SPOR", new SporCommand(ftp.get("PORT").command(), settings), true, false, "SPOR",
                "SPOR h1,h2,h3,h4,p1,p2 [...]: striped active"));
        b.replace(new CommandSpec("RETR", new RetrCommand(ftp.get("RETR").command(), settings), true, false, null,
                "RETR <file>: download"));
        b.replace(new CommandSpec("STOR", new StorCommand(ftp.get("STOR").command(), settings), true, false, null,
                "STOR <file>: upload (atomic)"));
        b.replace(new CommandSpec("REST", new RestCommand(ftp.get("REST").command()), true, false, "REST STREAM",
                "REST <offset> | REST a-b,c-d (MODE E): restart the next transfer"));
        b.add(new CommandSpec("ERET", new EretCommand(settings), true, false, "ERET", "ERET P <offset> <length> <file>: partial download"));
        b.add(new CommandSpec("ESTO", new EstoCommand(settings), true, false, "ESTO", "ESTO A <offset> <file>: upload at an offset"));
        for (String verb : new String[] {"LIST", "NLST", "MLSD"}) {
            CommandSpec s = ftp.get(verb);
            b.replace(new CommandSpec(verb, new ListingCommand(s.command(), settings), s.needsLogin(),
                    s.duringTransfer(), s.feature(), s.help()));
        }
        for (String verb : new String[] {"APPE", "STOU"}) {
            CommandSpec s = ftp.get(verb);
            b.replace(new CommandSpec(verb, new StreamModeOnly(verb, s.command()), s.needsLogin(), s.duringTransfer(),
                    s.feature(), s.help()));
        }
        return b;
    }
}
