package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AclMatrix.Place;
import dev.wharf.server.acl.AclMatrix.Role;
import dev.wharf.server.acl.AclMatrix.Row;
import dev.wharf.server.acl.AclMatrix.Who;
import dev.wharf.server.acl.DoorClient.Outcome;
import dev.wharf.server.acl.DoorClient.Step;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6's decision table through every door: one matrix of principals (AclMatrix: every level held
 * by a user name, a DN, a group, {@code *} and {@code anonymous}) × operations × places ({@code /lab}
 * with its ACL, {@code /lab/deep/er} inheriting it, {@code /} where the defaults decide), run with
 * real clients through FTP (commons-net), FTPS (explicit AUTH TLS, PROT P), gsiftp (Java GSS
 * initiator, DN identities from TestPki), plain dCap (raw protocol, anonymous) and gsidcap (the same
 * conversation inside the GSI tunnel, DN identities; GsiTunnelLines). Each door must
 * give the table's answer, so principals with the same role get identical decisions whichever door
 * they use. dCap has no command for CWD, append or ACL administration: those cells are "not
 * expressible" (it lists with opendir). Plain dCap's root rows are decided by the mode bits
 * (docs/dcap.md), which AclDoors sets to agree with {@code acl.default.anonymous = list} (root 0755,
 * files 0644).
 * Fast enough for the default build (about 10 s): no outside programs. The Kerberos doors (krbftp, krbdcap)
 * join the same table in KrbAclDoorMatrixInteropTest, which has the KDC they need.
 */
class AclDoorMatrixTest {

    private static final Logger LOG = LoggerFactory.getLogger(AclDoorMatrixTest.class);

    @RegisterExtension static final AclDoors.Shared DOORS = new AclDoors.Shared();
    static AclDoors doors;

    @BeforeAll
    static void doors() {
        doors = DOORS.get();
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
        assertDecisions(doors, doors.doors());
    }

    /**
     * Runs every principal of each door through every operation and place, and checks the table: each door gives
     * the row's answer, and doors that express a cell agree. KrbAclDoorMatrixInteropTest adds the Kerberos doors.
     */
    static void assertDecisions(AclDoors doors, List<AclDoors.Door> doorList) throws Exception {
        doors.metrics.denials.clear(); // the doors are shared with other test classes
        List<String> wrong = new ArrayList<>();
        Map<Cell, Map<String, Outcome>> table = new TreeMap<>(java.util.Comparator.comparing(Cell::role)
                .thenComparing(Cell::operation).thenComparing(Cell::place));
        Map<String, Integer> deniedPerLabel = new HashMap<>();
        int n = 0;
        for (AclDoors.Door door : doorList) {
            for (Who who : door.principals()) {
                try (DoorClient client = door.login().as(who)) {
                    for (Operation op : Operation.values()) {
                        for (Place place : Place.values()) {
                            Row row = AclMatrix.row(who, op, place, AccessLevel.WRITE, AccessLevel.LIST);
                            Outcome got = client.attempt(prepare(doors.jail(door, who), row, door.name() + "-" + n++));
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
        doors.metrics.denials.forEach(d -> counted.merge(d.substring(0, d.indexOf('/')), 1, Integer::sum));
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
