package dev.wharf.server.acl;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AclMatrix.Who;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.config.PortRange;
import dev.wharf.server.dcap.DcapDoor;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.ftp.TestLogins;
import dev.wharf.server.gridftp.GridFtpDoors;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.TestPki;
import dev.wharf.server.checksum.FileChecksums;
import dev.wharf.server.ftp.RawFtp;
import dev.wharf.server.gridftp.GsiFtpControl;
import dev.wharf.server.krb.KrbInitiator;
import dev.wharf.server.krb.KrbService;
import dev.wharf.server.krb.KrbSettings;
import dev.wharf.server.krbftp.KrbFtpDoors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every door in one process over one AclMatrix tree, as the server wires them: FTP (plain and
 * explicit TLS on one door), gsiftp, plain dCap and gsidcap, one SlashGridAccessPolicy, one
 * CountingMetrics. Password users and anonymous FTP log in through TestLogins (anonymous FTP is
 * jailed at its own copy of the tree), DNs through certificates of one TestPki. Test classes share one
 * instance for the whole run ({@link Shared}): starting the PKI and four doors is the slow part.
 */
final class AclDoors implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    static final String PASSWORD = "pw";
    /** dCap has no CWD, no append (writes replace) and no ACL command; it lists with opendir. */
    static final Set<Operation> DCAP_CANNOT = EnumSet.of(Operation.CHANGE_DIRECTORY, Operation.APPEND_FILE,
            Operation.ADMINISTER_ACL);

    /** How one door logs a principal in. */
    @FunctionalInterface
    interface Login {
        DoorClient as(Who who) throws Exception;
    }

    /** A door as the tests see it: who can use it, how, and which operations it has no command for. */
    record Door(String name, String metricLabel, List<Who> principals, Login login, Set<Operation> cannot) {}

    /** Register with {@code @RegisterExtension static final AclDoors.Shared DOORS = new AclDoors.Shared();}. */
    static final class Shared implements BeforeAllCallback {
        private AclDoors doors;

        @Override
        public void beforeAll(ExtensionContext context) {
            doors = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(AclDoors.class, k -> start(), AclDoors.class);
        }

        AclDoors get() {
            return doors;
        }

        private static AclDoors start() {
            try {
                return new AclDoors(Files.createTempDirectory("wharf-acl-doors"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the doors", e);
            }
        }
    }

    private final Path tmp;
    final Path root;
    final Path anon;
    final CountingMetrics metrics = new CountingMetrics();
    private final ServerContext context;
    private final FtpDoor ftp;
    private final FtpDoor gsiftp;
    private final DcapDoor dcap;
    private final DcapDoor gsidcap;
    private final GsiService gsi;
    private final TestPki pki;
    private FtpDoor krbftp;
    private DcapDoor krbdcap;
    private int first;
    private final Map<String, TestPki.Credential> credentials = new ConcurrentHashMap<>();

    AclDoors(Path tmp) throws Exception {
        this.tmp = tmp;
        root = Files.createDirectories(tmp.resolve("root"));
        anon = Files.createDirectories(tmp.resolve("anon"));
        Path groups = AclMatrix.build(root);
        AclMatrix.build(anon);
        // Plain dCap's root rows are decided by the mode bits: make them agree with acl.default.anonymous = list.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("top"), PosixFilePermissions.fromString("rw-r--r--"));
        first = 30000 + ThreadLocalRandom.current().nextInt(70) * 500;
        Map<String, String> values = new HashMap<>();
        values.put("data.port-range", first + "-" + (first + 99));
        values.put("storage.root", root.toString());
        values.put("acl.groups-file", groups.toString());
        ConfigFile config = ConfigFile.of(values);
        TestLogins logins = new TestLogins(anon);
        for (Who who : AclMatrix.passwordUsers()) {
            logins.add(who.identity().principal(), PASSWORD, root, "/");
        }
        context = TestContexts.builder().config(config).logins(logins)
                .access(SlashGridAccessPolicy.fromConfig(config)).metrics(metrics).build();

        FtpSettings plain = FtpSettings.plain(config).withPort(0);
        ftp = new FtpDoor(context, plain, new PortAllocator(plain.portRange()));
        ftp.start();

        pki = TestPki.create(Files.createDirectories(tmp.resolve("certificates")));
        gsi = GsiService.start(pki.settings(tmp, List.of("TLSv1.2", "TLSv1.3")));
        FtpSettings grid = FtpSettings.gridftp(ConfigFile.of(Map.of("data.port-range",
                (first + 100) + "-" + (first + 199)))).withPort(0);
        gsiftp = GridFtpDoors.create(context, grid, new PortAllocator(grid.portRange()), gsi);
        gsiftp.start();

        PortRange dcapRange = new PortRange(first + 200, first + 299);
        dcap = new DcapDoor(context, DcapSettings.from(ConfigFile.empty()).withPort(0).withRoot(root)
                .withPortRange(dcapRange), new PortAllocator(dcapRange));
        dcap.start();

        PortRange gsidcapRange = new PortRange(first + 300, first + 399);
        gsidcap = new DcapDoor(context, DcapSettings.gsi(ConfigFile.empty()).withPort(0).withRoot(root)
                .withPortRange(gsidcapRange), new PortAllocator(gsidcapRange), gsi);
        gsidcap.start();
    }

    List<Door> doors() {
        List<Who> ftpUsers = new ArrayList<>(AclMatrix.passwordUsers());
        ftpUsers.add(AclMatrix.anonymous());
        return List.of(
                new Door("ftp", ftp.name(), ftpUsers, who -> ftpLogin(who, false), Set.of()),
                new Door("ftps", ftp.name(), AclMatrix.passwordUsers(), who -> ftpLogin(who, true), Set.of()),
                new Door("gsiftp", gsiftp.name(), AclMatrix.distinguishedNames(), this::gsiftpLogin, Set.of()),
                new Door("dcap", dcap.name(), List.of(AclMatrix.anonymous()),
                        who -> DcapDoorClient.plain(dcap.localAddress().getPort()), DCAP_CANNOT),
                new Door("gsidcap", gsidcap.name(), AclMatrix.distinguishedNames(), this::gsidcapLogin, DCAP_CANNOT));
    }

    /**
     * Starts the krbftp and krbdcap doors on the same context and tree (once; the interop layer's
     * KrbAclDoorMatrixInteropTest, which has the KDC) with {@code krb}'s keytab and krb5.conf.
     */
    synchronized void startKerberos(KrbSettings krb, int dcapPort) throws Exception {
        if (krbftp != null) {
            return;
        }
        KrbService service = KrbService.start(krb);
        FtpSettings settings = FtpSettings.kerberos(ConfigFile.of(Map.of("data.port-range",
                (first + 400) + "-" + (first + 449)))).withPort(0);
        krbftp = KrbFtpDoors.create(context, settings, new PortAllocator(settings.portRange()), service,
                new FileChecksums());
        krbftp.start();
        PortRange range = new PortRange(first + 450, first + 499);
        krbdcap = new DcapDoor(context, DcapSettings.krb(ConfigFile.empty()).withPort(dcapPort).withRoot(root)
                .withPortRange(range), new PortAllocator(range), service);
        krbdcap.start();
    }

    /** The Kerberos doors ({@link #startKerberos} first); {@code ccache} holds each principal's tickets. */
    List<Door> kerberosDoors(java.util.function.Function<Who, Path> ccache) {
        List<Who> principals = AclMatrix.kerberosPrincipals();
        return List.of(
                new Door("krbftp", krbftp.name(), principals, who -> krbftpLogin(who, ccache.apply(who)), Set.of()),
                new Door("krbdcap", krbdcap.name(), principals, who -> new DcapDoorClient(GsiTunnelLines.connect(
                        krbdcap.localAddress().getPort(), KrbInitiator.of(who.identity().principal(), ccache.apply(who),
                                "host"))), DCAP_CANNOT));
    }

    private DoorClient krbftpLogin(Who who, Path ccache) throws Exception {
        RawFtp raw = new RawFtp(krbftp.localAddress().getPort());
        GsiFtpControl control = new GsiFtpControl(raw, KrbInitiator.of(who.identity().principal(), ccache, "ftp"));
        try {
            RawFtp.expect(220, raw.reply());
            RawFtp.expect(235, control.authenticate());
            RawFtp.expect(232, control.command("USER " + who.identity().localAccount()));
            return GsiFtpDoorClient.over(control);
        } catch (Exception | AssertionError e) {
            raw.close();
            throw e;
        }
    }

    Door door(String name) {
        return doors().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private DoorClient ftpLogin(Who who, boolean tls) throws Exception {
        boolean anonymous = who.identity().isAnonymous();
        return FtpDoorClient.login(ftp.localAddress().getPort(), who.identity().principal(),
                anonymous ? "guest@example.org" : PASSWORD, tls);
    }

    private TestPki.Credential credential(Who who) {
        return credentials.computeIfAbsent(who.identity().principal(), dn -> pki.issueUser(dn,
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2))));
    }

    private DoorClient gsiftpLogin(Who who) throws Exception {
        return GsiFtpDoorClient.login(gsiftp.localAddress().getPort(), credential(who), gsi.validator());
    }

    private DoorClient gsidcapLogin(Who who) throws Exception {
        return new DcapDoorClient(GsiTunnelLines.connect(gsidcap.localAddress().getPort(), credential(who), gsi.validator()));
    }

    /** The jail a principal's session sees on the host (anonymous FTP has its own tree). */
    Path jail(Door door, Who who) {
        return door.name().startsWith("ftp") && who.identity().isAnonymous() ? anon : root;
    }

    @Override
    public void close() {
        for (var door : new dev.wharf.server.Door[] {ftp, gsiftp, dcap, gsidcap, krbftp, krbdcap}) {
            if (door != null) {
                door.close();
            }
        }
        TestContexts.close(context);
        try (Stream<Path> all = Files.walk(tmp)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temporary directory is not worth failing the run for
        }
    }
}
