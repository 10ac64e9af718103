package dev.wharf.server.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.ftp.TestLogins;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACL matrix through the FTP door with commons-net's FTPClient: every principal that can log in
 * over plain FTP (password users and anonymous; DN rows need FTPS/gsiftp client certificates) tries
 * every operation, and the FTP outcome must equal the policy's decision for the same row.
 */
class AclFtpDoorTest {

    static final String PASSWORD = "pw";

    @TempDir Path tmp;
    Path root;
    Path anon;
    ServerContext context;
    FtpDoor door;
    final List<String> decisions = new CopyOnWriteArrayList<>();
    final List<FTPClient> clients = new ArrayList<>();
    final CountingMetrics metrics = new CountingMetrics();
    SlashGridAccessPolicy policy;

    /** Records every decision the door asked for, as "principal OP path allow|deny". */
    final class Recording implements AccessPolicy {
        final AccessPolicy inner;

        Recording(AccessPolicy inner) {
            this.inner = inner;
        }

        @Override
        public AccessDecision check(Identity who, Operation operation, String path) {
            AccessDecision d = inner.check(who, operation, path);
            decisions.add(who.principal() + " " + operation + " " + path + " " + (d.allowed() ? "allow" : "deny"));
            return d;
        }

        @Override
        public AccessPolicy forSession(String doorName, Path jailRoot) {
            return new Recording(inner.forSession(doorName, jailRoot));
        }
    }

    void start(String revalidateMs) throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        anon = Files.createDirectories(tmp.resolve("anon"));
        Path groups = AclMatrix.build(root);
        AclMatrix.build(anon);
        Map<String, String> values = new HashMap<>();
        int first = 30000 + ThreadLocalRandom.current().nextInt(150) * 200;
        values.put("data.port-range", first + "-" + (first + 199));
        values.put("acl.groups-file", groups.toString());
        values.put("acl.cache.revalidate-ms", revalidateMs);
        ConfigFile config = ConfigFile.of(values);
        policy = SlashGridAccessPolicy.fromConfig(config);
        TestLogins logins = new TestLogins(anon);
        for (String user : List.of("alice", "bob", "mallory", "carol")) {
            logins.add(user, PASSWORD, root, "/");
        }
        context = TestContexts.builder().config(config).logins(logins).access(new Recording(policy)).metrics(metrics).build();
        FtpSettings settings = FtpSettings.plain(config).withPort(0);
        door = new FtpDoor(context, settings, new PortAllocator(settings.portRange()));
        door.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (FTPClient c : clients) {
            if (c.isConnected()) {
                c.disconnect();
            }
        }
        if (door != null) {
            door.close();
            TestContexts.close(context);
        }
    }

    FTPClient login(String user) throws IOException {
        FTPClient c = new FTPClient();
        clients.add(c);
        c.setDefaultTimeout(20_000);
        c.setDataTimeout(java.time.Duration.ofSeconds(20));
        c.connect("127.0.0.1", door.localAddress().getPort());
        boolean anonymous = user.equals("anonymous");
        assertTrue(c.login(user, anonymous ? "guest@example.org" : PASSWORD), c.getReplyString());
        c.enterLocalPassiveMode();
        c.setSoTimeout(20_000);
        c.setFileType(FTPClient.BINARY_FILE_TYPE);
        return c;
    }

    @Test
    void sameDecisionsThroughFtpAsThroughThePolicy() throws Exception {
        start("0");
        Map<String, FTPClient> sessions = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (AclMatrix.Row row : AclMatrix.rows(AccessLevel.WRITE, AccessLevel.LIST)) {
            if (row.who().identity().method() == Identity.Method.X509) {
                continue;
            }
            String user = row.who().identity().principal();
            FTPClient c = sessions.computeIfAbsent(user, u -> {
                try {
                    return login(u);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Path jail = row.who().identity().isAnonymous() ? anon : root;
            decisions.clear();
            int step = n++;
            boolean ok = perform(c, jail, row.operation(), row.path(), step);
            String target = user + " " + row.operation() + " " + target(row.operation(), row.path(), step) + " ";
            List<String> disagreeing = decisions.stream()
                    .filter(d -> d.startsWith(target))
                    .filter(d -> d.endsWith(row.allowed() ? " deny" : " allow"))
                    .toList();
            boolean asked = decisions.stream().anyMatch(d -> d.startsWith(target));
            // Read-only (anonymous) sessions are refused writes before the policy is asked.
            boolean refusedEarlier = !asked && row.who().identity().isAnonymous() && !row.allowed();
            if (ok != row.allowed() || !disagreeing.isEmpty() || (!asked && !refusedEarlier && row.allowed())) {
                wrong.add(row + ": ftp " + (ok ? "succeeded" : "failed (" + c.getReplyString().strip() + ")")
                        + " decisions " + decisions);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The path the policy is asked about for a row: new names for operations that need one. */
    private static String target(Operation op, String path, int n) {
        String dir = path.equals("/") ? "/" : path.substring(0, Math.max(path.lastIndexOf('/'), 1));
        String sibling = (dir.equals("/") ? "" : dir) + "/";
        return switch (op) {
            case CREATE_FILE -> sibling + "new-" + n;
            case DELETE_FILE -> sibling + "victim-" + n;
            case MAKE_DIRECTORY -> sibling + "made-" + n;
            case REMOVE_DIRECTORY -> sibling + "empty-" + n;
            case RENAME -> sibling + "from-" + n;
            default -> path;
        };
    }

    /** Runs the FTP command(s) for one operation; true when the server did it. */
    private boolean perform(FTPClient c, Path jail, Operation op, String path, int n) throws IOException {
        String dir = path.equals("/") ? "/" : path.substring(0, Math.max(path.lastIndexOf('/'), 1));
        String sibling = (dir.equals("/") ? "" : dir) + "/";
        Path hostDir = dir.equals("/") ? jail : jail.resolve(dir.substring(1));
        byte[] data = "data\n".getBytes();
        switch (op) {
            case READ_FILE:
                return c.retrieveFile(path, OutputStream.nullOutputStream());
            case STAT:
                return FTPReply.isPositiveCompletion(c.sendCommand("MLST", path));
            case CHANGE_DIRECTORY: {
                boolean ok = c.changeWorkingDirectory(path);
                c.changeWorkingDirectory("/");
                return ok;
            }
            case LIST_DIRECTORY:
                c.mlistDir(path);
                return FTPReply.isPositiveCompletion(c.getReplyCode());
            case CREATE_FILE:
                return c.storeFile(sibling + "new-" + n, new ByteArrayInputStream(data));
            case OVERWRITE_FILE:
                return c.storeFile(path, new ByteArrayInputStream(data));
            case APPEND_FILE:
                return c.appendFile(path, new ByteArrayInputStream(data));
            case DELETE_FILE: {
                Files.writeString(hostDir.resolve("victim-" + n), "x");
                return c.deleteFile(sibling + "victim-" + n);
            }
            case MAKE_DIRECTORY:
                return c.makeDirectory(sibling + "made-" + n);
            case REMOVE_DIRECTORY: {
                Files.createDirectory(hostDir.resolve("empty-" + n));
                return c.removeDirectory(sibling + "empty-" + n);
            }
            case RENAME: {
                Files.writeString(hostDir.resolve("from-" + n), "x");
                return c.rename(sibling + "from-" + n, sibling + "to-" + n);
            }
            case CHANGE_MODE:
                return c.sendSiteCommand("CHMOD 644 " + path);
            case ADMINISTER_ACL:
                return c.sendSiteCommand("GETACL " + path);
            default:
                throw new IllegalArgumentException(op.toString());
        }
    }

    @Test
    void siteGetAclAndSetAclNeedAdminAndApplyAtOnce() throws Exception {
        start("3600000");
        AclFileWriter.write(root.resolve("lab"), "admin alice\nread *\n");
        FTPClient alice = login("alice");
        FTPClient carol = login("carol");
        assertFalse(carol.storeFile("/lab/c1", new ByteArrayInputStream(new byte[1])), "carol has read only");

        assertTrue(alice.sendSiteCommand("GETACL /lab"), alice.getReplyString());
        assertTrue(alice.getReplyString().contains("admin alice") && alice.getReplyString().contains("read *"),
                alice.getReplyString());
        assertTrue(alice.sendSiteCommand("SETACL /lab write carol"), alice.getReplyString());
        assertTrue(carol.storeFile("/lab/c1", new ByteArrayInputStream(new byte[1])),
                "the change applies at once despite a one-hour cache: " + carol.getReplyString());
        assertTrue(alice.sendSiteCommand("SETACL /lab admin \"/O=Grid/CN=Jane Doe\""), alice.getReplyString());
        assertTrue(alice.sendSiteCommand("SETACL /lab read /O=Grid/CN=John Doe"), alice.getReplyString());
        assertEquals("admin alice\nread *\nwrite carol\nadmin \"/O=Grid/CN=Jane Doe\"\nread \"/O=Grid/CN=John Doe\"\n",
                Files.readString(root.resolve("lab/.grid-acl")));

        assertTrue(alice.sendSiteCommand("GETACL /lab/deep/er"), alice.getReplyString());
        assertTrue(alice.getReplyString().contains("inherited from /lab"), alice.getReplyString());
        assertFalse(carol.sendSiteCommand("SETACL /lab admin carol"));
        assertEquals(550, carol.getReplyCode());
        assertFalse(carol.sendSiteCommand("GETACL /lab"));
        assertEquals(550, carol.getReplyCode());
        assertFalse(alice.sendSiteCommand("SETACL /lab superuser carol"));
        assertEquals(501, alice.getReplyCode());
        assertFalse(alice.sendSiteCommand("SETACL /lab"));
        assertEquals(501, alice.getReplyCode());
        assertFalse(alice.sendSiteCommand("GETACL /lab/file"));
        assertEquals(550, alice.getReplyCode());
        assertTrue(alice.sendSiteCommand("HELP") && alice.getReplyString().contains("SETACL"), alice.getReplyString());
    }

    @Test
    void eachRefusedCommandIsCountedOnceAndPermFactsAreNotCounted() throws Exception {
        start("0");
        FTPClient mallory = login("mallory");
        assertFalse(mallory.retrieveFile("/lab/file", OutputStream.nullOutputStream()));
        assertEquals(1, metrics.denials.size(), "counted once: " + metrics.denials);
        metrics.denials.clear();
        FTPClient bob = login("bob");
        assertTrue(bob.mlistDir("/lab").length > 0, bob.getReplyString());
        assertTrue(bob.getReplyString().startsWith("226"), bob.getReplyString());
        assertEquals(List.of(), metrics.denials, "MLSD Perm facts ask about writes bob may not do; they are not attempts");
    }

    @Test
    void listingsShowTheGridOwner() throws Exception {
        start("0");
        AclFileWriter.write(root.resolve("lab"), "write alice\nwrite \"/O=Grid/CN=Jane Doe\"\nlist *\n");
        FTPClient alice = login("alice");
        assertTrue(alice.makeDirectory("/lab/made"), alice.getReplyString());
        assertTrue(alice.storeFile("/lab/stored", new ByteArrayInputStream("x".getBytes())), alice.getReplyString());
        FTPClient bob = login("bob");
        bob.sendCommand("MLST", "/lab/stored");
        assertTrue(bob.getReplyString().contains("UNIX.owner=alice;"), bob.getReplyString());
        String mlsd = String.join("\n", java.util.Arrays.stream(bob.mlistDir("/lab")).map(f -> f.getRawListing()).toList());
        assertTrue(mlsd.matches("(?s).*UNIX\\.owner=alice;[^\n]* made.*"), mlsd);
        String[] lines = java.util.Arrays.stream(bob.listFiles("/lab")).map(f -> f.getRawListing()).toArray(String[]::new);
        assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.endsWith(" stored") && l.contains(" alice ")),
                String.join("\n", lines));
        assertTrue(Files.exists(root.resolve("lab/stored")));

        // A DN owner has spaces: LIST shows a short form, MLSD the whole DN percent-encoded, and
        // commons-net's parsers still read every column and fact.
        Files.writeString(root.resolve("lab/by jane"), "x");
        policy.owners().recordCreated(root.resolve("lab/by jane"), AclMatrix.PRINCIPALS.get(0).identity());
        FTPFile listed = java.util.Arrays.stream(bob.listFiles("/lab")).filter(f -> f != null && "by jane".equals(f.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(bob.getReplyString()));
        assertEquals("Jane_Doe", listed.getUser(), listed.getRawListing());
        assertEquals(1, listed.getSize(), listed.getRawListing());
        FTPFile facts = java.util.Arrays.stream(bob.mlistDir("/lab")).filter(f -> "by jane".equals(f.getName()))
                .findFirst().orElseThrow(() -> new AssertionError(bob.getReplyString()));
        assertEquals("/O%3DGrid/CN%3DJane%20Doe", facts.getUser(), facts.getRawListing());
    }

    @Test
    void aclAndOwnerFilesCannotBeReachedThroughNormalCommands() throws Exception {
        start("0");
        String acl = "write alice\nlist *\n";
        AclFileWriter.write(root.resolve("lab"), acl);
        Files.writeString(root.resolve("lab/.wharf-owners"), "file\talice\n");
        FTPClient alice = login("alice");
        ByteArrayInputStream forged = new ByteArrayInputStream("admin alice\n".getBytes());
        for (String name : List.of(".grid-acl", ".GRID-ACL", ".Grid-Acl", ".grid-acl.tmp-1", ".wharf-owners", ".WHARF-OWNERS")) {
            String path = "/lab/" + name;
            assertFalse(alice.storeFile(path, forged), "STOR " + name);
            assertFalse(alice.appendFile(path, new ByteArrayInputStream(new byte[1])), "APPE " + name);
            assertFalse(alice.retrieveFile(path, OutputStream.nullOutputStream()), "RETR " + name);
            assertFalse(alice.deleteFile(path), "DELE " + name);
            assertFalse(alice.rename("/lab/file", path), "RNTO " + name);
            assertFalse(alice.rename(path, "/lab/stolen"), "RNFR " + name);
            assertFalse(FTPReply.isPositiveCompletion(alice.sendCommand("MLST", path)), "MLST " + name);
            assertFalse(FTPReply.isPositiveCompletion(alice.sendCommand("SIZE", path)), "SIZE " + name);
            assertFalse(alice.makeDirectory(path), "MKD " + name);
        }
        alice.changeWorkingDirectory("/lab");
        assertFalse(alice.storeFile(".grid-acl", forged), "relative STOR");
        assertFalse(alice.storeFile("deep/../.grid-acl", forged), "dot-dot STOR");
        assertEquals(acl, Files.readString(root.resolve("lab/.grid-acl")));
        assertEquals("file\talice\n", Files.readString(root.resolve("lab/.wharf-owners")));
        assertTrue(Files.exists(root.resolve("lab/file")));
        String[] names = alice.listNames("/lab");
        assertTrue(names != null && names.length > 0);
        for (String name : names) {
            assertFalse(name.toLowerCase().contains(".grid-acl"), name);
        }
        for (var f : alice.mlistDir("/lab")) {
            assertFalse(f.getName().toLowerCase().contains(".grid-acl"), f.getName());
        }
    }
}
