package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.auth.Identity;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlashGridAccessPolicyTest {

    @TempDir Path tmp;
    Path root;
    Path groups;

    static final Identity ALICE = Identity.passwordUser("alice", Set.of());

    @BeforeEach
    void tree() throws Exception {
        root = tmp.resolve("jail");
        groups = AclMatrix.build(root);
    }

    private AccessPolicy session(AclSettings settings) {
        return new SlashGridAccessPolicy(settings.withGroupsFile(groups), null).forSession("ftp", root);
    }

    @Test
    void matrixOfPrincipalsLevelsAndOperations() {
        AccessPolicy policy = session(AclSettings.DEFAULTS.withRevalidateMillis(0));
        List<String> wrong = new ArrayList<>();
        List<AclMatrix.Row> rows = AclMatrix.rows(AccessLevel.WRITE, AccessLevel.LIST);
        for (AclMatrix.Row row : rows) {
            AccessDecision decision = policy.check(row.who().identity(), row.operation(), row.path());
            if (decision.allowed() != row.allowed()) {
                wrong.add(row + " but got " + decision);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(rows.size() > 200);
    }

    @Test
    void decisionsNameTheFileAndLine() {
        AccessPolicy policy = session(AclSettings.DEFAULTS);
        AccessDecision denied = policy.check(Identity.passwordUser("mallory", Set.of()), Operation.READ_FILE, "/lab/deep/er/file");
        assertFalse(denied.allowed());
        assertEquals(root.resolve("lab/.grid-acl") + ":6", denied.decidedBy());
        AccessDecision fallback = policy.check(ALICE, Operation.DELETE_FILE, "/top");
        assertTrue(fallback.allowed());
        assertEquals("default acl.default.authenticated=write", fallback.decidedBy());
    }

    @Test
    void governingDirectoryIsTheParentForEntriesAndTheDirectoryForListings() throws Exception {
        // /lab/sub grants alice nothing; creating /lab/sub itself is still decided by /lab
        Files.createDirectory(root.resolve("lab/sub"));
        AclFileWriter.write(root.resolve("lab/sub"), "admin bob\n");
        AccessPolicy policy = session(AclSettings.DEFAULTS.withRevalidateMillis(0));
        assertTrue(policy.check(ALICE, Operation.REMOVE_DIRECTORY, "/lab/sub").allowed());
        assertTrue(policy.check(ALICE, Operation.STAT, "/lab/sub").allowed());
        assertFalse(policy.check(ALICE, Operation.LIST_DIRECTORY, "/lab/sub").allowed());
        assertFalse(policy.check(ALICE, Operation.CHANGE_DIRECTORY, "/lab/sub/").allowed());
        assertFalse(policy.check(ALICE, Operation.CREATE_FILE, "/lab/sub/new").allowed());
        assertEquals("/", SlashGridAccessPolicy.governingDirectory(Operation.READ_FILE, "/top"));
        assertEquals("/", SlashGridAccessPolicy.governingDirectory(Operation.LIST_DIRECTORY, "/"));
        assertEquals("/a", SlashGridAccessPolicy.governingDirectory(Operation.ADMINISTER_ACL, "/a/"));
    }

    @Test
    void malformedAclFailsClosedBelowItAndIsReportedWithItsLine() throws Exception {
        AclFileWriter.write(root.resolve("lab"), "admin alice\nwrite \"/CN=unterminated\n");
        AccessPolicy policy = session(AclSettings.DEFAULTS.withRevalidateMillis(0));
        AccessDecision decision = policy.check(ALICE, Operation.READ_FILE, "/lab/deep/er/file");
        assertFalse(decision.allowed());
        assertTrue(decision.decidedBy().startsWith(root.resolve("lab/.grid-acl") + ":2 (malformed"), decision.decidedBy());
        assertTrue(policy.check(ALICE, Operation.READ_FILE, "/top").allowed());
    }

    @Test
    void symlinkedAclFileIsRefused() throws Exception {
        Path elsewhere = tmp.resolve("mine");
        Files.writeString(elsewhere, "admin carol\n");
        Files.createDirectory(root.resolve("linked"));
        Files.createSymbolicLink(root.resolve("linked/.grid-acl"), elsewhere);
        AccessDecision decision = session(AclSettings.DEFAULTS).check(Identity.passwordUser("carol", Set.of()),
                Operation.ADMINISTER_ACL, "/linked");
        assertFalse(decision.allowed());
        assertTrue(decision.decidedBy().contains("not a regular file"), decision.decidedBy());
    }

    @Test
    void malformedOrMissingGroupsFileDeniesOnlyWhereGroupsAreUsed() throws Exception {
        Files.writeString(groups, "staff bob\n");
        AccessPolicy policy = session(AclSettings.DEFAULTS.withRevalidateMillis(0));
        AccessDecision decision = policy.check(Identity.passwordUser("bob", Set.of()), Operation.LIST_DIRECTORY, "/lab");
        assertFalse(decision.allowed());
        assertTrue(decision.decidedBy().startsWith(groups + ":1 (malformed groups file"), decision.decidedBy());
        AclFileWriter.write(root.resolve("lab"), "write alice\n");
        assertTrue(policy.check(ALICE, Operation.CREATE_FILE, "/lab/x").allowed());
        Files.delete(groups);
        AclFileWriter.write(root.resolve("lab"), "write alice\nnone @staff\n");
        assertFalse(policy.check(ALICE, Operation.CREATE_FILE, "/lab/x").allowed());
    }

    @Test
    void disabledAclsAndUnscopedChecksUseTheDefaults() {
        AccessPolicy off = session(AclSettings.DEFAULTS.withEnabled(false));
        assertTrue(off.check(Identity.passwordUser("mallory", Set.of()), Operation.READ_FILE, "/lab/file").allowed());
        assertFalse(off.check(Identity.anonymous(), Operation.CREATE_FILE, "/lab/file").allowed());
        AccessPolicy unscoped = new SlashGridAccessPolicy(AclSettings.DEFAULTS, null);
        assertTrue(unscoped.check(ALICE, Operation.CREATE_FILE, "/lab/file").allowed());
        AccessPolicy rooted = SlashGridAccessPolicy.fromConfig(
                ConfigFile.of(Map.of("storage.root", root.toString(), "acl.default.anonymous", "none")));
        assertFalse(rooted.check(Identity.passwordUser("mallory", Set.of()), Operation.READ_FILE, "/lab/file").allowed());
        assertFalse(rooted.check(Identity.anonymous(), Operation.LIST_DIRECTORY, "/").allowed());
    }

    @Test
    void protectedNamesAreDeniedToEveryoneWhateverTheAclSays() throws Exception {
        AclFileWriter.write(root.resolve("lab"), "admin alice\n");
        for (AclSettings settings : List.of(AclSettings.DEFAULTS, AclSettings.DEFAULTS.withEnabled(false))) {
            AccessPolicy policy = session(settings);
            for (String path : List.of("/lab/.grid-acl", "/lab/.GRID-ACL", "/.wharf-owners", "/lab/.grid-acl.tmp-1")) {
                for (Operation op : List.of(Operation.READ_FILE, Operation.OVERWRITE_FILE, Operation.DELETE_FILE,
                        Operation.RENAME, Operation.STAT)) {
                    AccessDecision decision = policy.check(ALICE, op, path);
                    assertFalse(decision.allowed(), op + " " + path);
                    assertTrue(decision.decidedBy().startsWith("protected name"), decision.decidedBy());
                }
            }
            assertTrue(policy.check(ALICE, Operation.READ_FILE, "/lab/grid-acl").allowed());
        }
    }

    @Test
    void pathsTheJailDidNotNormaliseAreDenied() {
        AccessPolicy policy = session(AclSettings.DEFAULTS);
        assertFalse(policy.check(ALICE, Operation.READ_FILE, "top").allowed());
        assertFalse(policy.check(ALICE, Operation.READ_FILE, "/lab/../top").allowed());
        assertFalse(policy.check(ALICE, Operation.READ_FILE, null).allowed());
    }

    @Test
    void configKeys() {
        AclSettings settings = AclSettings.from(ConfigFile.of(Map.of("acl.enabled", "false",
                "acl.default.authenticated", "read", "acl.default.anonymous", "none", "acl.groups-file", "/etc/g",
                "acl.cache.revalidate-ms", "0")));
        assertEquals(new AclSettings(false, Path.of("/etc/g"), AccessLevel.READ, AccessLevel.NONE, 0,
                dev.wharf.server.acl.owner.OwnerStore.Mode.AUTO), settings);
        assertEquals(AclSettings.DEFAULTS, AclSettings.from(ConfigFile.empty()));
        org.junit.jupiter.api.Assertions.assertThrows(dev.wharf.server.config.ConfigException.class,
                () -> AclSettings.from(ConfigFile.of(Map.of("acl.default.anonymous", "everything"))));
    }
}
