package dev.wharf.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AclMatrix.Place;
import dev.wharf.server.acl.AclMatrix.Role;
import dev.wharf.server.acl.AclMatrix.Row;
import dev.wharf.server.acl.AclMatrix.Who;
import dev.wharf.server.acl.DoorClient.Outcome;
import dev.wharf.server.acl.DoorClient.Step;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.data.PortRange;
import dev.wharf.server.dcap.DcapDoor;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.ftp.TestLogins;
import dev.wharf.server.gridftp.GridFtpDoors;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6's decision table through every door: one matrix of principals (AclMatrix: every level held
 * by a user name, a DN, a group, {@code *} and {@code anonymous}) × operations × places ({@code /lab}
 * with its ACL, {@code /lab/deep/er} inheriting it, {@code /} where the defaults decide), run with
 * real clients through FTP (commons-net), FTPS (explicit AUTH TLS, PROT P), gsiftp (Java GSS
 * initiator, DN identities from TestPki) and plain dCap (raw protocol, anonymous). Each door must
 * give the table's answer, so principals with the same role get identical decisions whichever door
 * they use. dCap has no command for CWD, listing, append or ACL administration: those cells are
 * "not expressible". Plain dCap's root rows are decided by the mode bits (docs/dcap.md), which this
 * tree sets so they agree with {@code acl.default.anonymous = list} (root 0755, files 0644).
 */
class AclDoorMatrixTest {

    private static final Logger LOG = LoggerFactory.getLogger(AclDoorMatrixTest.class);
    static final String PASSWORD = "pw";
    static final Set<Operation> DCAP_CANNOT = EnumSet.of(Operation.CHANGE_DIRECTORY, Operation.LIST_DIRECTORY,
            Operation.APPEND_FILE, Operation.ADMINISTER_ACL);

    @TempDir static Path tmp;
    static Path root;
    static Path anon;
    static ServerContext context;
    static FtpDoor ftp;
    static FtpDoor gsiftp;
    static DcapDoor dcap;
    static GsiService gsi;
    static TestPki pki;
    static final CountingMetrics metrics = new CountingMetrics();

    @BeforeAll
    static void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        anon = Files.createDirectories(tmp.resolve("anon"));
        Path groups = AclMatrix.build(root);
        AclMatrix.build(anon);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root.resolve("top"), PosixFilePermissions.fromString("rw-r--r--"));
        int first = 30000 + ThreadLocalRandom.current().nextInt(100) * 300;
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
        DcapSettings dcapSettings = DcapSettings.from(ConfigFile.empty()).withPort(0).withRoot(root).withPortRange(dcapRange);
        dcap = new DcapDoor(context, dcapSettings, new PortAllocator(dcapRange));
        dcap.start();
    }

    @AfterAll
    static void stop() {
        for (var door : new dev.wharf.server.Door[] {ftp, gsiftp, dcap}) {
            if (door != null) {
                door.close();
            }
        }
        TestContexts.close(context);
    }

    /** How one door logs a principal in. */
    @FunctionalInterface
    interface Login {
        DoorClient as(Who who) throws Exception;
    }

    record Door(String name, String metricLabel, List<Who> principals, Login login, Set<Operation> cannot) {}

    static List<Door> doors() {
        List<Who> ftpUsers = new ArrayList<>(AclMatrix.passwordUsers());
        ftpUsers.add(AclMatrix.anonymous());
        return List.of(
                new Door("ftp", "ftp", ftpUsers, who -> ftpLogin(who, false), Set.of()),
                new Door("ftps", "ftp", AclMatrix.passwordUsers(), who -> ftpLogin(who, true), Set.of()),
                new Door("gsiftp", gsiftp.name(), AclMatrix.distinguishedNames(), AclDoorMatrixTest::gsiLogin, Set.of()),
                new Door("dcap", dcap.name(), List.of(AclMatrix.anonymous()),
                        who -> DcapDoorClient.plain(dcap.localAddress().getPort()), DCAP_CANNOT));
    }

    static DoorClient ftpLogin(Who who, boolean tls) throws Exception {
        boolean anonymous = who.identity().isAnonymous();
        return FtpDoorClient.login(ftp.localAddress().getPort(), who.identity().principal(),
                anonymous ? "guest@example.org" : PASSWORD, tls);
    }

    static DoorClient gsiLogin(Who who) throws Exception {
        TestPki.Credential user = pki.issueUser(who.identity().principal(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(2)));
        return GsiFtpDoorClient.login(gsiftp.localAddress().getPort(), user, gsi.validator());
    }

    /** The jail a principal's session sees on the host (anonymous FTP has its own tree). */
    static Path jail(Door door, Who who) {
        return door.name().startsWith("ftp") && who.identity().isAnonymous() ? anon : root;
    }

    /** The attempt for a row: fresh names for what creates, prepared victims for what removes. */
    static Step prepare(Path jail, Row row, String tag) throws Exception {
        Operation op = row.operation();
        String dir = row.place().dir;
        String prefix = dir.equals("/") ? "/" : dir + "/";
        Path host = dir.equals("/") ? jail : jail.resolve(dir.substring(1));
        return switch (op) {
            case CREATE_FILE -> new Step(op, prefix + "new-" + tag, null);
            case MAKE_DIRECTORY -> new Step(op, prefix + "made-" + tag, null);
            case DELETE_FILE -> {
                Files.writeString(host.resolve("victim-" + tag), "x");
                yield new Step(op, prefix + "victim-" + tag, null);
            }
            case REMOVE_DIRECTORY -> {
                Files.createDirectory(host.resolve("empty-" + tag));
                yield new Step(op, prefix + "empty-" + tag, null);
            }
            case RENAME -> {
                Files.writeString(host.resolve("from-" + tag), "x");
                yield new Step(op, prefix + "from-" + tag, prefix + "to-" + tag);
            }
            default -> new Step(op, row.path(), null);
        };
    }

    record Cell(Role role, Operation operation, Place place) {}

    @Test
    void everyDoorGivesTheTablesDecisions() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<Cell, Map<String, Outcome>> table = new TreeMap<>(java.util.Comparator.comparing(Cell::role)
                .thenComparing(Cell::operation).thenComparing(Cell::place));
        Map<String, Integer> deniedPerLabel = new HashMap<>();
        int n = 0;
        for (Door door : doors()) {
            for (Who who : door.principals()) {
                try (DoorClient client = door.login().as(who)) {
                    for (Operation op : Operation.values()) {
                        for (Place place : Place.values()) {
                            Row row = AclMatrix.row(who, op, place, AccessLevel.WRITE, AccessLevel.LIST);
                            Outcome got = client.attempt(prepare(jail(door, who), row, door.name() + "-" + n++));
                            table.computeIfAbsent(new Cell(who.role(), op, place), c -> new LinkedHashMap<>())
                                    .merge(door.name(), got, (a, b) -> a == b ? a : null);
                            if (got == Outcome.NOT_EXPRESSIBLE) {
                                if (!door.cannot().contains(op)) {
                                    wrong.add(door.name() + ": " + row + " but the client cannot express it");
                                }
                                continue;
                            }
                            if (door.cannot().contains(op) || (got == Outcome.ALLOWED) != row.allowed()) {
                                wrong.add(door.name() + ": " + row + " but " + got);
                            }
                            if (got == Outcome.DENIED) {
                                deniedPerLabel.merge(door.metricLabel(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        LOG.info("decision table (role, operation, place: outcome per door):\n{}", render(table));
        assertEquals(List.of(), wrong);

        // Identical decisions: every door that expresses a cell gives the same answer for the role.
        for (var entry : table.entrySet()) {
            Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
            entry.getValue().values().stream().filter(o -> o != Outcome.NOT_EXPRESSIBLE).forEach(outcomes::add);
            assertTrue(outcomes.size() <= 1 && !entry.getValue().containsValue(null), entry.toString());
        }
        assertEquals(Role.values().length * Operation.values().length * Place.values().length, table.size());

        // Each refused attempt was counted once under its door's label.
        Map<String, Integer> counted = new HashMap<>();
        metrics.denials.forEach(d -> counted.merge(d.substring(0, d.indexOf('/')), 1, Integer::sum));
        assertEquals(deniedPerLabel, counted);
    }

    private static String render(Map<Cell, Map<String, Outcome>> table) {
        StringBuilder out = new StringBuilder();
        for (var e : table.entrySet()) {
            out.append(String.format("%-28s %-17s %-9s", e.getKey().role(), e.getKey().operation(), e.getKey().place()));
            e.getValue().forEach((door, o) -> out.append(' ').append(door).append('=')
                    .append(o == null ? "MIXED" : o == Outcome.NOT_EXPRESSIBLE ? "-" : o.name().toLowerCase()));
            out.append('\n');
        }
        return out.toString();
    }
}
