package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wharf.server.auth.Identity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AclEvaluatorTest {

    private static final Identity ALICE = Identity.passwordUser("alice", Set.of());
    private static final Identity BOB = Identity.passwordUser("bob", Set.of("staff"));
    private static final Identity JANE = new Identity("/O=Grid/CN=Jane Doe", Identity.Method.X509, Set.of(), null);
    private static final AclGroups GROUPS = new AclGroups(Map.of("physics", Set.of("/O=Grid/CN=Jane Doe", "alice")));

    private static AclEvaluator.Verdict eval(String acl, Identity who) {
        return AclEvaluator.evaluate(((AclParse.Ok) AclParser.parse(acl)).entries(), who, GROUPS);
    }

    @Test
    void namedBeatsGroupBeatsAnyone() {
        String acl = "read *\nwrite @physics\nlist alice\n";
        assertEquals(AccessLevel.LIST, eval(acl, ALICE).level());
        assertEquals(3, eval(acl, ALICE).decidedBy().line());
        assertEquals(AccessLevel.WRITE, eval(acl, JANE).level());
        assertEquals(AccessLevel.READ, eval(acl, BOB).level());
        assertEquals(AccessLevel.READ, eval(acl, Identity.anonymous()).level());
    }

    @Test
    void noneIsAnExplicitDenialWithinItsClass() {
        assertEquals(AccessLevel.NONE, eval("write @physics\nnone @staff\nwrite *", Identity.passwordUser("x", Set.of("staff", "physics"))).level());
        assertEquals(2, eval("write @physics\nnone @staff", Identity.passwordUser("x", Set.of("staff", "physics"))).decidedBy().line());
        // a more specific entry overrides a denial of a broader class
        assertEquals(AccessLevel.WRITE, eval("none *\nwrite alice", ALICE).level());
        assertEquals(AccessLevel.NONE, eval("admin *\nnone alice", ALICE).level());
    }

    @Test
    void highestLevelAmongTheSameClass() {
        assertEquals(AccessLevel.ADMIN, eval("read alice\nadmin alice\nlist alice", ALICE).level());
        assertEquals(2, eval("read alice\nadmin alice\nlist alice", ALICE).decidedBy().line());
        assertEquals(AccessLevel.WRITE, eval("read @physics\nwrite @staff", Identity.passwordUser("alice", Set.of("staff"))).level());
    }

    @Test
    void anonymousEntryMatchesOnlyAnonymousSessions() {
        assertEquals(AccessLevel.READ, eval("read anonymous", Identity.anonymous()).level());
        assertEquals(AccessLevel.NONE, eval("read anonymous", ALICE).level());
        assertEquals(AccessLevel.NONE, eval("read alice", Identity.anonymous()).level());
    }

    @Test
    void groupsComeFromTheIdentityOrTheGroupsFile() {
        assertEquals(AccessLevel.WRITE, eval("write @staff", BOB).level());
        assertEquals(AccessLevel.WRITE, eval("write @physics", JANE).level());
        assertEquals(AccessLevel.NONE, eval("write @physics", BOB).level());
    }

    @Test
    void dnsCompareExactly() {
        assertEquals(AccessLevel.ADMIN, eval("admin \"/O=Grid/CN=Jane Doe\"", JANE).level());
        assertEquals(AccessLevel.NONE, eval("admin \"/O=Grid/CN=jane doe\"", JANE).level());
        assertEquals(AccessLevel.NONE, eval("admin /O=Grid/CN=Jane", JANE).level());
    }

    @Test
    void noMatchingEntryGrantsNothing() {
        AclEvaluator.Verdict verdict = eval("admin bob", ALICE);
        assertEquals(AccessLevel.NONE, verdict.level());
        assertNull(verdict.decidedBy());
        assertEquals(AccessLevel.NONE, AclEvaluator.evaluate(List.of(), ALICE, GROUPS).level());
    }
}
