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
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACL management and protection through the FTP door with commons-net's FTPClient: SITE GETACL/SETACL,
 * denial counting, grid owners in listings, protected names. The decision matrix through every door
 * is AclDoorMatrixTest.
 */
class AclFtpDoorTest {

    static final String PASSWORD = "pw";

    @TempDir Path tmp;
    Path root;
    Path anon;
    ServerContext context;
    FtpDoor door;
    final List<FTPClient> clients = new ArrayList<>();
    final CountingMetrics metrics = new CountingMetrics();
    SlashGridAccessPolicy policy;

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
        context = TestContexts.builder().config(config).logins(logins).access(policy).metrics(metrics).build();
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
        policy.owners().recordCreated(root.resolve("lab/by jane"),
                new Identity("/O=Grid/CN=Jane Doe", Identity.Method.GSI, java.util.Set.of(), null));
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
