package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.acl.AccessDecision;
import dev.wharf.config.AccessLevel;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.AclFileWriter;
import dev.wharf.server.acl.AclSettings;
import dev.wharf.server.acl.SlashGridAccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.acl.Operation;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.fs.Jail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldModePolicyTest {

    @TempDir
    Path root;
    Jail jail;
    final Identity anonymous = Identity.anonymous();

    @BeforeEach
    void files() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = Files.createDirectory(root.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path secret = Files.createFile(root.resolve("secret"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
        Path pub = Files.createFile(root.resolve("public"));
        Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rw-r--r--"));
        jail = new Jail(root);
    }

    private static AccessPolicy answering(boolean allowed, String decidedBy, AtomicInteger calls) {
        return (who, op, path) -> {
            calls.incrementAndGet();
            return new AccessDecision(allowed, allowed ? AccessLevel.WRITE : AccessLevel.NONE, decidedBy);
        };
    }

    @Test
    void modeBitsDecideWhereNoAclFileSpeaks() {
        AtomicInteger calls = new AtomicInteger();
        WorldModePolicy p = new WorldModePolicy(answering(true, "default acl.default.anonymous=write", calls), jail);
        assertTrue(p.check(anonymous, Operation.READ_FILE, "/public").allowed());
        assertFalse(p.check(anonymous, Operation.READ_FILE, "/secret").allowed());
        assertTrue(p.check(anonymous, Operation.CREATE_FILE, "/open/new").allowed());
        assertFalse(p.check(anonymous, Operation.CREATE_FILE, "/new").allowed());
        assertFalse(p.check(anonymous, Operation.DELETE_FILE, "/public").allowed());
        assertFalse(p.check(anonymous, Operation.ADMINISTER_ACL, "/open").allowed());
        assertTrue(p.check(anonymous, Operation.STAT, "/secret").allowed());
    }

    @Test
    void anAclFileGrantAllowsWhatTheBitsRefuse() {
        AtomicInteger calls = new AtomicInteger();
        WorldModePolicy p = new WorldModePolicy(answering(true, "/.grid-acl:1 anonymous write", calls), jail);
        assertTrue(p.check(anonymous, Operation.READ_FILE, "/secret").allowed());
        assertTrue(p.check(anonymous, Operation.CREATE_FILE, "/new").allowed());
    }

    @Test
    void anExplicitAclDenialWinsOverTheModeBits() {
        AtomicInteger calls = new AtomicInteger();
        WorldModePolicy p = new WorldModePolicy(answering(false, "/.grid-acl:3 none anonymous", calls), jail);
        AccessDecision denied = p.check(anonymous, Operation.READ_FILE, "/public");
        assertFalse(denied.allowed(), "world-readable, but the ACL says none");
        assertEquals("/.grid-acl:3 none anonymous", denied.decidedBy());
        assertFalse(p.check(anonymous, Operation.CREATE_FILE, "/open/new").allowed(), "world-writable, but none");
        assertEquals(2, calls.get());
    }

    @Test
    void theRealPolicyWithFilesOnDisk() throws Exception {
        SlashGridAccessPolicy slashGrid = new SlashGridAccessPolicy(AclSettings.from(ConfigFile.of(
                Map.of("acl.cache.revalidate-ms", "0", "acl.default.anonymous", "write"))), root);
        AccessPolicy session = slashGrid.forSession("dcap", root);
        WorldModePolicy p = new WorldModePolicy(session, jail);
        // No ACL file: the default (write) does not count; the bits decide.
        assertTrue(p.check(anonymous, Operation.READ_FILE, "/public").allowed());
        assertFalse(p.check(anonymous, Operation.READ_FILE, "/secret").allowed());
        assertTrue(p.check(anonymous, Operation.CREATE_FILE, "/open/new").allowed());

        AclFileWriter.write(root.resolve("open"), "none anonymous\nwrite *\n");
        AccessDecision none = p.check(anonymous, Operation.CREATE_FILE, "/open/new");
        assertFalse(none.allowed(), "explicit none beats rwxrwxrwx");
        assertTrue(none.decidedBy().endsWith(".grid-acl:1"), none.decidedBy());

        AclFileWriter.write(root, "read anonymous\n");
        assertTrue(p.check(anonymous, Operation.READ_FILE, "/secret").allowed(), "the ACL opens what the bits close");
        assertFalse(p.check(anonymous, Operation.CREATE_FILE, "/new").allowed());

        AclFileWriter.write(root, "read anonymous\nbogus line\n");
        AccessDecision malformed = p.check(anonymous, Operation.READ_FILE, "/public");
        assertFalse(malformed.allowed(), "a malformed ACL fails closed for dCap too");
        assertTrue(malformed.decidedBy().contains("malformed"), malformed.decidedBy());
    }
}
