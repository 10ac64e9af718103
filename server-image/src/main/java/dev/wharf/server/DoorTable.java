package dev.wharf.server;

import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.dcap.DcapDoor;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.data.PortRange;
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
            new DoorKind<>("ftp", true, FtpSettings::plain,
                    (c, s, shared) -> GridFtpDoors.ftpWithModeE(c, s, ports(shared, s.portRange()), checksums(shared))),
            new DoorKind<>("ftps", false, FtpSettings::implicitTls,
                    (c, s, shared) -> new FtpDoor(c, s, c.tls() == null ? null : c.tls().sslContext(), ports(shared, s.portRange()),
                            FtpCommands.standard(checksums(shared)), FileChannelOpener.DEFAULT)),
            new DoorKind<>("dcap", false, DcapSettings::from, (c, s, shared) -> new DcapDoor(c, s, ports(shared, s.portRange()))),
            new DoorKind<>("gsidcap", false, DcapSettings::gsi,
                    (c, s, shared) -> new DcapDoor(c, s, ports(shared, s.portRange()), gsi(shared, c))),
            new DoorKind<>("gridftp", false, FtpSettings::gridftp,
                    (c, s, shared) -> GridFtpDoors.create(c, s, ports(shared, s.portRange()), gsi(shared, c), checksums(shared))),
            new DoorKind<>("krbftp", false, FtpSettings::kerberos,
                    (c, s, shared) -> KrbFtpDoors.create(c, s, ports(shared, s.portRange()), krb(shared, c), checksums(shared))),
            new DoorKind<>("srm", false, SrmSettings::from,
                    (c, s, shared) -> new SrmDoor(c, s, gsi(shared, c), SrmCalls.namespace(checksums(shared), s.lsMaxEntries(), s.protocols()))));

    /** One GSI service (host credential, trust store, grid-mapfile) for every GSI door of the server. */
    static GsiService gsi(SharedResources shared, ServerContext context) {
        return shared.get(GsiService.class, () -> GsiService.start(GsiSettings.from(context.config())));
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
