package dev.wharf.server.gridftp;

import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.FtpCommands;
import dev.wharf.server.gridftp.modee.ModeECommands;
import dev.wharf.server.gridftp.modee.ModeESettings;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gssftp.GssAdat;
import dev.wharf.server.gssftp.GssAuth;
import dev.wharf.server.gssftp.GssPass;
import dev.wharf.server.gssftp.GssPbsz;
import dev.wharf.server.gssftp.GssProt;
import dev.wharf.server.gssftp.GssUser;

/**
 * The gsiftp door's command table: the FTP door's, with the RFC 2228 commands of {@code gssftp} over GSI
 * ({@link GsiMechanism}: AUTH GSSAPI, ADAT, USER/PASS, PBSZ/PROT), DCAU, SITE CLIENTINFO, SBUF, ALLO remembered
 * for the next upload and an honest FEAT. (ENC/MIC/CONF are not verbs here: the session handler unwraps them
 * through {@code GssSession} once ADAT returned {@code Outcome.Protect}.)
 */
final class GridFtpCommands {

    private GridFtpCommands() {}

    static CommandTable table(GsiService gsi, GridFtpRoots roots, boolean allowPasswords) {
        return table(gsi, roots, allowPasswords, ConfigFile.empty());
    }

    /** {@code config}: limits.streams-per-client for MODE E. */
    static CommandTable table(GsiService gsi, GridFtpRoots roots, boolean allowPasswords, ConfigFile config) {
        return table(gsi, roots, allowPasswords, config, new FileChecksums());
    }

    /** {@code checksums}: the server's CKSM/HASH cache, shared by its doors. */
    static CommandTable table(GsiService gsi, GridFtpRoots roots, boolean allowPasswords, ConfigFile config,
                              FileChecksums checksums) {
        CommandTable.Builder b = ModeECommands.install(FtpCommands.builder(checksums), ModeESettings.from(config));
        CommandTable ftp = FtpCommands.standard();
        GsiMechanism mechanism = new GsiMechanism(gsi, roots);
        b.replace(new CommandSpec("AUTH", new GssAuth(mechanism), false, false, "AUTH GSSAPI", "AUTH GSSAPI: authenticate with GSI"));
        b.add(new CommandSpec("ADAT", new GssAdat(mechanism), false, false, null, "ADAT <token>: a GSSAPI token"));
        b.replace(new CommandSpec("USER", new GssUser(mechanism, allowPasswords ? ftp.get("USER").command() : null), false,
                false, null, "USER :globus-mapping: | <account>: log in as the authenticated DN"));
        b.replace(new CommandSpec("PASS", new GssPass(mechanism, allowPasswords ? ftp.get("PASS").command() : null), false,
                false, null, "PASS <anything>: finish a GSI login"));
        b.replace(new CommandSpec("PBSZ", new GssPbsz(mechanism.dialect()), false, false, "PBSZ", "PBSZ <size>: after GSSAPI"));
        b.replace(new CommandSpec("PROT", new GssProt(mechanism), false, false, "PROT", "PROT C|S|P: data channel protection"));
        b.add(new CommandSpec("DCAU", new DcauCommand(), true, false, "DCAU",
                "DCAU N|A|S <subject>: data channel authentication"));
        b.replace(new CommandSpec("SITE", new GridSite(ftp.get("SITE").command()), false, false, null,
                "SITE HELP | CLIENTINFO | CHMOD <mode> <path>"));
        b.replace(new CommandSpec("FEAT", new GridFeat(), false, true, null, "FEAT: list extensions"));
        b.add(new CommandSpec("SBUF", new Sbuf(), true, false, "SBUF", "SBUF <bytes>: TCP buffer of later data connections"));
        b.replace(new CommandSpec("ALLO", new GridAllo(), true, false, null, "ALLO <bytes>: size of the next upload"));
        return b.build(CommandTable.MANDATORY);
    }
}
