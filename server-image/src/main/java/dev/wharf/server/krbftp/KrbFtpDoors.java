package dev.wharf.server.krbftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.ftp.CommandSpec;
import dev.wharf.server.ftp.CommandTable;
import dev.wharf.server.ftp.FtpCommands;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.gridftp.GridFtpRoots;
import dev.wharf.server.krb.KrbService;

/**
 * The krbftp door (keys krbftp.enabled, krbftp.port; Kerberos keys through KrbSettings): an {@link FtpDoor}
 * whose logins are RFC 2228 GSSAPI with Kerberos 5 only. The FTP table with AUTH GSSAPI, ADAT, the Kerberos
 * USER/PASS and PBSZ/PROT; CCC refused (the control channel stays protected). ENC/MIC are unwrapped by the
 * session handler through {@link KrbSession} once ADAT returned {@code Outcome.Protect}. See docs/kerberos.md.
 */
public final class KrbFtpDoors {

    private KrbFtpDoors() {}

    public static FtpDoor create(ServerContext context, FtpSettings settings, PortAllocator ports, KrbService krb,
                                 FileChecksums checksums) {
        krb.requireKey(krb.ftpPrincipal());
        return new FtpDoor(context, settings, null, ports, table(krb, GridFtpRoots.from(context.config()), checksums),
                FileChannelOpener.DEFAULT);
    }

    static CommandTable table(KrbService krb, GridFtpRoots roots, FileChecksums checksums) {
        CommandTable.Builder b = FtpCommands.builder(checksums);
        b.replace(new CommandSpec("AUTH", new KrbAuth(krb), false, false, "AUTH GSSAPI", "AUTH GSSAPI: Kerberos 5 login"));
        b.add(new CommandSpec("ADAT", new KrbAdat(), false, false, null, "ADAT <token>: a Kerberos token"));
        b.replace(new CommandSpec("USER", new KrbUser(krb, roots), false, false, null,
                "USER [account]: log in as the authenticated principal"));
        b.replace(new CommandSpec("PASS", new KrbPass(), false, false, null, "PASS: not needed after Kerberos"));
        b.replace(new CommandSpec("PBSZ", new KrbPbsz(), false, false, "PBSZ", "PBSZ <size>: protection buffer size"));
        b.replace(new CommandSpec("PROT", new KrbProt(), false, false, "PROT", "PROT C|S|P: data channel protection"));
        b.replace(new CommandSpec("CCC", (session, argument) -> {
            throw new FtpException(533, "CCC is not allowed on this server");
        }, false, false, null, "CCC: refused"));
        return b.build(CommandTable.MANDATORY);
    }
}
