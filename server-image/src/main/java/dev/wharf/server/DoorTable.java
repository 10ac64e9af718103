package dev.wharf.server;

import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.dcap.DcapDoor;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.ftp.FtpCommands;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.gridftp.GridFtpDoors;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.GsiSettings;
import dev.wharf.server.krb.KrbService;
import dev.wharf.server.krb.KrbSettings;
import dev.wharf.server.krbftp.KrbFtpDoors;
import dev.wharf.server.srm.SrmDoor;
import dev.wharf.server.srm.SrmSettings;
import dev.wharf.server.srm.namespace.SrmCalls;
import dev.wharf.server.srm.transfer.calls.SrmTransfers;
import java.util.List;

/**
 * Every kind of door this server can run, in start order. Adding a door is one line here (and its
 * keys in docs/configuration.md). Every door gets the one AccessPolicy of the ServerContext and must
 * reach storage only through the fs.Storage that fs.SessionStorage.open builds at login, so a door added later plugs into the same ACL check as FTP, gsiftp and dCap. Doors whose issue is still open are not listed, so their keys are
 * refused as unknown until they land.
 */
final class DoorTable {

    private DoorTable() {}

    static final List<DoorKind<?>> KINDS = List.of(
            new DoorKind<>("ftp", FtpSettings::plain,
                    (c, s, shared) -> GridFtpDoors.ftpWithModeE(c, s, ports(shared, s.portRange()), checksums(shared))),
            new DoorKind<>("ftps", FtpSettings::implicitTls,
                    (c, s, shared) -> new FtpDoor(c, s, c.tls() == null ? null : c.tls().sslContext(), ports(shared, s.portRange()),
                            FtpCommands.standard(checksums(shared)), FileChannelOpener.DEFAULT)),
            new DoorKind<>("dcap", DcapSettings::from, (c, s, shared) -> new DcapDoor(c, s, ports(shared, s.portRange()))),
            new DoorKind<>("gsidcap", DcapSettings::gsi,
                    (c, s, shared) -> new DcapDoor(c, s, ports(shared, s.portRange()), gsi(shared, c))),
            new DoorKind<>("gridftp", FtpSettings::gridftp,
                    (c, s, shared) -> GridFtpDoors.create(c, s, ports(shared, s.portRange()), gsi(shared, c), checksums(shared))),
            new DoorKind<>("krbftp", c -> withKrbKeys(c, FtpSettings.kerberos(c)),
                    (c, s, shared) -> KrbFtpDoors.create(c, s, ports(shared, s.portRange()), krb(shared, c), checksums(shared))),
            new DoorKind<>("krbdcap", c -> withKrbKeys(c, DcapSettings.krb(c)),
                    (c, s, shared) -> new DcapDoor(c, s, ports(shared, s.portRange()), krb(shared, c))),
            new DoorKind<>("srm", SrmSettings::from,
                    (c, s, shared) -> new SrmDoor(c, s, gsi(shared, c), SrmTransfers.forServer(c, s.door(),
                            shared.get(DoorDirectory.class, DoorDirectory::new))
                            .addTo(SrmCalls.namespace(checksums(shared), s.lsMaxEntries())))));

    /** One GSI service (host credential, trust store, grid-mapfile) for every GSI door of the server. */
    static GsiService gsi(SharedResources shared, ServerContext context) {
        return shared.get(GsiService.class, () -> GsiService.start(GsiSettings.from(context.config())));
    }

    /**
     * A Kerberos door's settings, with the {@code krb.*} keys read too: a server.conf that names a keytab while
     * both Kerberos doors are off is not refused as having unused keys (the operator renders them together).
     */
    private static <S> S withKrbKeys(ConfigFile config, S doorSettings) {
        KrbSettings.from(config);
        return doorSettings;
    }

    /** One Kerberos service (krb5.conf, keytab, principal map) for every Kerberos door of the server. */
    static KrbService krb(SharedResources shared, ServerContext context) {
        return shared.get(KrbService.class, () -> KrbService.start(KrbSettings.from(context.config())));
    }

    /** One CKSM/HASH cache for every FTP-family door: a file checksummed through one door is cached for all. */
    static FileChecksums checksums(SharedResources shared) {
        return shared.get(FileChecksums.class, FileChecksums::new);
    }

    /** Doors with the same data-port range share one allocator, so they never hand out the same port. */
    static PortAllocator ports(SharedResources shared, PortRange range) {
        return shared.get(range, () -> new PortAllocator(range));
    }
}
