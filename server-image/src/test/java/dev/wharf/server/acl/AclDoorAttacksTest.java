package dev.wharf.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wharf.server.acl.AclDoors.Door;
import dev.wharf.server.acl.AclMatrix.Who;
import dev.wharf.server.acl.DoorClient.Outcome;
import dev.wharf.server.acl.DoorClient.Step;
import dev.wharf.server.fs.GuardedStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * What issue 6 asks beyond the decision table, through every door with real clients: ACL and owner
 * files out of reach (protected names in any letter case, RNFR/RNTO both ways, STOR, APPE, DELE,
 * MKD, chmod, host-made symlinks), listings complete while ACLs are replaced, an explicit
 * {@code none} beating dCap's world bits, malformed ACLs failing closed with one report, the XML
 * form, and denial log lines naming principal, operation, path and ACL file.
 */
class AclDoorAttacksTest {

    @RegisterExtension static final AclDoors.Shared DOORS = new AclDoors.Shared();
    static AclDoors doors;
    final ListAppender<ILoggingEvent> policyLog = new ListAppender<>();
    final ListAppender<ILoggingEvent> storageLog = new ListAppender<>();

    /** The strongest principal each door can log in: under an "admin *" ACL each may do anything. */
    static final Map<String, String> ATTACKER = Map.of("ftp", "alice", "ftps", "alice", "gsiftp", "jane-dn",
            "dcap", "anonymous", "gsidcap", "jane-dn");

    @BeforeAll
    static void doors() {
        doors = DOORS.get();
    }

    @BeforeEach
    void captureLogs() {
        attach(SlashGridAccessPolicy.class, policyLog);
        attach(GuardedStorage.class, storageLog);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(SlashGridAccessPolicy.class)).detachAppender(policyLog);
        ((Logger) LoggerFactory.getLogger(GuardedStorage.class)).detachAppender(storageLog);
    }

    private static void attach(Class<?> type, ListAppender<ILoggingEvent> appender) {
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
    }

    static Who who(String label) {
        return AclMatrix.PRINCIPALS.stream().filter(w -> w.label().equals(label)).findFirst().orElseThrow();
    }

    static DoorClient login(Door door) throws Exception {
        return door.login().as(who(ATTACKER.get(door.name())));
    }

    static Path dir(String name, String acl) throws Exception {
        Path dir = Files.createDirectories(doors.root.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        if (acl != null) {
            AclFileWriter.write(dir, acl);
        }
        return dir;
    }

    @Test
    void aclAndOwnerFilesAreOutOfReachOfEveryDoor() throws Exception {
        Path pub = dir("pub", "admin *\n");
        Files.writeString(pub.resolve(".wharf-owners"), "file\talice\n");
        Files.createSymbolicLink(pub.resolve("acl-link"), Path.of(".grid-acl"));
        Files.createSymbolicLink(pub.resolve("owners-link"), Path.of(".wharf-owners"));
        Files.createSymbolicLink(pub.resolve("up-link"), Path.of("../lab/.grid-acl"));
        Files.createSymbolicLink(pub.resolve("dir-link"), Path.of("."));
        Map<Path, String> before = snapshot(pub.resolve(".grid-acl"), pub.resolve(".wharf-owners"),
                doors.root.resolve("lab/.grid-acl"));
        List<String> names = List.of(".grid-acl", ".GRID-ACL", ".Grid-Acl", ".grid-acl.tmp-1", ".grid-acl~",
                ".wharf-owners", ".WHARF-OWNERS", "dir-link/.grid-acl", "dir-link/.GRID-acl");
        List<String> links = List.of("acl-link", "owners-link", "up-link");
        List<String> reached = new ArrayList<>();
        int n = 0;
        for (Door door : doors.doors()) {
            try (DoorClient client = login(door)) {
                List<Step> steps = new ArrayList<>();
                for (String name : names) {
                    String path = "/pub/" + name;
                    Files.writeString(pub.resolve("plain-" + n), "x");
                    steps.add(new Step(Operation.READ_FILE, path, null));
                    steps.add(new Step(Operation.STAT, path, null));
                    steps.add(new Step(Operation.OVERWRITE_FILE, path, null));
                    steps.add(new Step(Operation.APPEND_FILE, path, null));
                    steps.add(new Step(Operation.DELETE_FILE, path, null));
                    steps.add(new Step(Operation.RENAME, path, "/pub/stolen-" + n));
                    steps.add(new Step(Operation.RENAME, "/pub/plain-" + n, path));
                    steps.add(new Step(Operation.MAKE_DIRECTORY, path, null));
                    steps.add(new Step(Operation.CHANGE_MODE, path, null));
                    n++;
                }
                for (String link : links) {
                    for (Operation op : List.of(Operation.READ_FILE, Operation.STAT, Operation.OVERWRITE_FILE,
                            Operation.APPEND_FILE, Operation.CHANGE_MODE)) {
                        steps.add(new Step(op, "/pub/" + link, null));
                    }
                }
                for (Step step : steps) {
                    if (client.attempt(step) == Outcome.ALLOWED) {
                        reached.add(door.name() + " " + step);
                    }
                }
                if (!door.cannot().contains(Operation.LIST_DIRECTORY)) {
                    List<String> listed = client.listNames("/pub");
                    assertNotNull(listed, door.name() + " may list /pub");
                    assertTrue(listed.contains("plain-0"), door.name() + " " + listed);
                    listed.stream().filter(AclDoorAttacksTest::protectedLooking)
                            .forEach(name -> reached.add(door.name() + " listed " + name));
                }
            }
        }
        assertEquals(List.of(), reached);
        assertEquals(before, snapshot(before.keySet().toArray(Path[]::new)), "ACL and owner files unchanged");
        assertEquals(Path.of(".grid-acl"), Files.readSymbolicLink(pub.resolve("acl-link")));
        try (Stream<Path> files = Files.list(pub)) {
            List<String> unexpected = files.map(p -> p.getFileName().toString()).filter(AclDoorAttacksTest::protectedLooking)
                    .filter(name -> !name.equals(".grid-acl") && !name.equals(".wharf-owners")).toList();
            assertEquals(List.of(), unexpected, "no protected name was created");
        }
    }

    private static boolean protectedLooking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains(".grid-acl") || lower.contains(".wharf-owners") || lower.startsWith("stolen");
    }

    private static Map<Path, String> snapshot(Path... files) throws Exception {
        Map<Path, String> contents = new java.util.HashMap<>();
        for (Path f : files) {
            contents.put(f, Files.readString(f));
        }
        return contents;
    }

    /**
     * A writer replaces the ACL as fast as it can while FTP and gsiftp list the directory: each
     * version grants listing, so every listing must complete with every entry. Then the versions
     * alternate between granting and refusing: a listing is refused whole or complete, never partial.
     */
    @Test
    void listingsStayWholeWhileTheAclIsReplaced() throws Exception {
        Path busy = dir("busy", "list *\n");
        for (int i = 0; i < 300; i++) {
            Files.writeString(busy.resolve("f" + i), "x");
        }
        StringBuilder longer = new StringBuilder("read *\nlist *\n");
        for (int i = 0; i < 500; i++) {
            longer.append("read \"/CN=filler ").append(i).append("\"\n");
        }
        List<String> allowing = List.of("list *\n", longer.toString());
        List<String> flipping = List.of("list *\n", "none *\n" + longer.substring(14));
        for (List<String> versions : List.of(allowing, flipping)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger writes = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        AclFileWriter.write(busy, versions.get(writes.incrementAndGet() % versions.size()));
                        Thread.sleep(1); // leave the two cores to the listings
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "acl-writer");
            writer.start();
            int complete = 0;
            int attempts = 0;
            try {
                for (String name : List.of("ftp", "gsiftp")) {
                    try (DoorClient client = login(doors.door(name))) {
                        // at least 10 listings per door, and on until the writer (starved on a loaded
                        // machine) has replaced the ACL a few times while this door was listing
                        int writesBefore = writes.get();
                        for (int i = 0; i < 10 || (writes.get() - writesBefore < 6 && i < 500); i++) {
                            attempts++;
                            List<String> listed = client.listNames("/busy");
                            if (versions == allowing) {
                                assertNotNull(listed, name + ": every version grants list");
                            }
                            if (listed != null) {
                                assertEquals(300, listed.size(), name + ": a listing is whole");
                                complete++;
                            }
                        }
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertEquals(null, failure.get());
            assertTrue(writes.get() > 5, "the writer replaced the ACL " + writes.get() + " times");
            assertTrue(versions != allowing || complete == attempts, complete + " of " + attempts + " listings complete");
        }
        AclFileWriter.write(busy, "list *\n");
    }

    @Test
    void anExplicitNoneClosesAWorldReadableDirectoryToDcap() throws Exception {
        Path open = dir("open", null);
        Files.writeString(open.resolve("public"), "x");
        Files.setPosixFilePermissions(open.resolve("public"), PosixFilePermissions.fromString("rw-r--r--"));
        try (DoorClient dcap = login(doors.door("dcap"))) {
            assertEquals(Outcome.ALLOWED, dcap.attempt(new Step(Operation.READ_FILE, "/open/public", null)),
                    "no ACL file: the world bits decide");
            assertEquals(Outcome.ALLOWED, dcap.attempt(new Step(Operation.CREATE_FILE, "/open/new-1", null)));
            AclFileWriter.write(open, "none anonymous\nwrite *\n");
            for (Step step : List.of(new Step(Operation.READ_FILE, "/open/public", null),
                    new Step(Operation.STAT, "/open/public", null), new Step(Operation.CREATE_FILE, "/open/new-2", null),
                    new Step(Operation.DELETE_FILE, "/open/public", null))) {
                assertEquals(Outcome.DENIED, dcap.attempt(step), step.toString());
            }
        }
        String line = open.resolve(".grid-acl") + ":1";
        assertTrue(storageLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .anyMatch(m -> m.equals("access denied: door=dcap principal='anonymous' operation=READ_FILE"
                                + " path=/open/public decided-by " + line)),
                "the denial names principal, operation, path and ACL file: " + storageLog.list);
    }

    @Test
    void aMalformedAclFailsClosedOnEveryDoorAndIsReportedOnce() throws Exception {
        Path bad = dir("bad", "admin *\nwrite \"/CN=unterminated\n");
        Files.writeString(bad.resolve("file"), "x");
        for (Door door : doors.doors()) {
            try (DoorClient client = login(door)) {
                for (Step step : List.of(new Step(Operation.READ_FILE, "/bad/file", null),
                        new Step(Operation.STAT, "/bad/file", null), new Step(Operation.CREATE_FILE, "/bad/new", null))) {
                    assertEquals(Outcome.DENIED, client.attempt(step), door.name() + " " + step);
                }
            }
        }
        String where = bad.resolve(".grid-acl") + ":2";
        List<String> reports = policyLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("malformed ACL file " + where)).toList();
        assertEquals(1, reports.size(), "reported once for all doors and attempts: " + reports);
        assertTrue(storageLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("access denied: door=gsidcap principal='" + AclMatrix.JANE
                        + "' operation=CREATE_FILE path=/bad/new decided-by " + where + " (malformed")),
                storageLog.list.toString());
    }

    /** Listing and entering a directory are decided by its own ACL, whatever its parent's says. */
    @Test
    void aDirectorysOwnAclDecidesItsListingOnEveryDoorThatLists() throws Exception {
        Path closed = dir("closed", "none *\n");
        Files.createDirectories(closed.resolve("open"));
        AclFileWriter.write(closed.resolve("open"), "list *\n");
        Files.writeString(closed.resolve("open/inside"), "x");
        for (Door door : doors.doors()) {
            String name = door.name();
            try (DoorClient client = login(door)) {
                assertEquals(List.of("inside"), client.listNames("/closed/open"), name);
                assertEquals(door.cannot().contains(Operation.CHANGE_DIRECTORY) ? Outcome.NOT_EXPRESSIBLE : Outcome.ALLOWED,
                        client.attempt(new Step(Operation.CHANGE_DIRECTORY, "/closed/open", null)), name);
                assertEquals(null, client.listNames("/closed"), name + ": none * on /closed");
                assertEquals(Outcome.DENIED, client.attempt(new Step(Operation.STAT, "/closed/open", null)),
                        name + ": stat of /closed/open is /closed's business");
                assertEquals(Outcome.DENIED, client.attempt(new Step(Operation.LIST_DIRECTORY, "/closed/nothing", null)));
            }
        }
        long refusedNotMissing = storageLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(" path=/closed/nothing decided-by " + closed.resolve(".grid-acl") + ":1"))
                .count();
        assertEquals(doors.doors().size(), refusedNotMissing, "a missing name under a closed directory is refused, not reported missing");
    }

    @Test
    void theXmlFormDecidesThroughTheDoors() throws Exception {
        Path xml = dir("xml", """
                <gridacl>
                  <person><dn>%s</dn><level>write</level></person>
                  <person><dn>alice</dn><level>read</level></person>
                  <group><name>staff</name><level>list</level></group>
                </gridacl>
                """.formatted(AclMatrix.JANE));
        Files.writeString(xml.resolve("file"), "x");
        try (DoorClient jane = doors.door("gsiftp").login().as(who("jane-dn"));
             DoorClient alice = doors.door("ftp").login().as(who("alice"));
             DoorClient bob = doors.door("ftps").login().as(who("bob"));
             DoorClient anonymous = doors.door("dcap").login().as(who("anonymous"))) {
            assertEquals(Outcome.ALLOWED, jane.attempt(new Step(Operation.CREATE_FILE, "/xml/by-jane", null)));
            assertEquals(Outcome.ALLOWED, alice.attempt(new Step(Operation.READ_FILE, "/xml/file", null)));
            assertEquals(Outcome.DENIED, alice.attempt(new Step(Operation.CREATE_FILE, "/xml/by-alice", null)));
            assertEquals(Outcome.DENIED, alice.attempt(new Step(Operation.LIST_DIRECTORY, "/xml", null)));
            assertEquals(Outcome.ALLOWED, bob.attempt(new Step(Operation.LIST_DIRECTORY, "/xml", null)));
            assertEquals(Outcome.DENIED, bob.attempt(new Step(Operation.CREATE_FILE, "/xml/by-bob", null)));
            assertEquals(Outcome.DENIED, anonymous.attempt(new Step(Operation.READ_FILE, "/xml/file", null)),
                    "no entry for anonymous: the XML file decides (none), not the world bits");
        }
        assertTrue(Files.exists(xml.resolve("by-jane")));
    }
}
