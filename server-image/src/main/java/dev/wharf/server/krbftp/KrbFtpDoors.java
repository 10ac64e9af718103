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
import dev.wharf.server.gssftp.GssAdat;
import dev.wharf.server.gssftp.GssAuth;
import dev.wharf.server.gssftp.GssPass;
import dev.wharf.server.gssftp.GssPbsz;
import dev.wharf.server.gssftp.GssProt;
import dev.wharf.server.gssftp.GssUser;
import dev.wharf.server.krb.KrbService;

/**
 * The krbftp door (keys krbftp.enabled, krbftp.port; Kerberos keys through KrbSettings): an {@link FtpDoor}
 * whose logins are RFC 2228 GSSAPI with Kerberos 5 only. The FTP table with the RFC 2228 commands of
 * {@code gssftp} over Kerberos ({@link KrbMechanism}: AUTH GSSAPI, ADAT, USER/PASS without passwords, PBSZ/PROT);
 * CCC refused (the control channel stays protected). ENC/MIC are unwrapped by the session handler through
 * {@code GssSession} once ADAT returned {@code Outcome.Protect}. See docs/kerberos.md.
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
        KrbMechanism mechanism = new KrbMechanism(krb, roots);
        b.replace(new CommandSpec("AUTH", new GssAuth(mechanism), false, false, "AUTH GSSAPI", "AUTH GSSAPI: Kerberos 5 login"));
        b.add(new CommandSpec("ADAT", new GssAdat(mechanism), false, false, null, "ADAT <token>: a Kerberos token"));
        b.replace(new CommandSpec("USER", new GssUser(mechanism, null), false, false, null,
                "USER [account]: log in as the authenticated principal"));
        b.replace(new CommandSpec("PASS", new GssPass(mechanism, null), false, false, null, "PASS: not needed after Kerberos"));
        b.replace(new CommandSpec("PBSZ", new GssPbsz(mechanism.dialect()), false, false, "PBSZ",
                "PBSZ <size>: protection buffer size"));
        b.replace(new CommandSpec("PROT", new GssProt(mechanism), false, false, "PROT", "PROT C|S|P: data channel protection"));
        b.replace(new CommandSpec("CCC", (session, argument) -> {
            throw new FtpException(533, "CCC is not allowed on this server");
        }, false, false, null, "CCC: refused"));
        return b.build(CommandTable.MANDATORY);
    }
}
