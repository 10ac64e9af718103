package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AclParserTest {

    private static List<AclEntry> ok(String text) {
        return assertInstanceOf(AclParse.Ok.class, AclParser.parse(text)).entries();
    }

    private static AclParse.Malformed bad(String text) {
        return assertInstanceOf(AclParse.Malformed.class, AclParser.parse(text));
    }

    @Test
    void textLinesWithCommentsBlanksAndEveryPrincipalKind() {
        List<AclEntry> entries = ok("""
                # who may do what
                admin /O=Grid/O=UKHEP/CN=Jane

                WRITE alice
                list @physics
                read anonymous
                none *
                """);
        assertEquals(List.of(
                new AclEntry(AccessLevel.ADMIN, new AclPrincipal(AclPrincipal.Kind.NAMED, "/O=Grid/O=UKHEP/CN=Jane"), 2),
                new AclEntry(AccessLevel.WRITE, new AclPrincipal(AclPrincipal.Kind.NAMED, "alice"), 4),
                new AclEntry(AccessLevel.LIST, new AclPrincipal(AclPrincipal.Kind.GROUP, "physics"), 5),
                new AclEntry(AccessLevel.READ, AclPrincipal.ANONYMOUS, 6),
                new AclEntry(AccessLevel.NONE, AclPrincipal.ANYONE, 7)), entries);
    }

    @Test
    void quotedDnWithSpacesAndEscapes() {
        List<AclEntry> entries = ok("admin \"/O=Grid/CN=Andrew McNab\"\r\nread \"/CN=say \\\"hi\\\" \\\\ bye\"\n");
        assertEquals("/O=Grid/CN=Andrew McNab", entries.get(0).principal().name());
        assertEquals("/CN=say \"hi\" \\ bye", entries.get(1).principal().name());
    }

    @Test
    void renderQuotesOnlyWhereNeededAndRoundTrips() {
        List<AclEntry> entries = ok("admin \"/O=Grid/CN=A B\"\nread plain\nlist \"/CN=q\\\"\\\\\"\nwrite @g\n");
        String rendered = AclRenderer.render(entries);
        assertEquals("admin \"/O=Grid/CN=A B\"\nread plain\nlist \"/CN=q\\\"\\\\\"\nwrite @g\n", rendered);
        assertEquals(entries, ok(rendered));
    }

    @Test
    void malformedTextNamesTheLine() {
        assertEquals(2, bad("read alice\nsuper bob\n").line());
        assertTrue(bad("read alice\nsuper bob\n").message().contains("unknown level 'super'"));
        assertEquals(1, bad("admin /O=Grid/CN=Andrew McNab").line());
        assertTrue(bad("admin /O=Grid/CN=Andrew McNab").message().contains("quote"));
        assertEquals(3, bad("\n\nread \"/CN=open\n").line());
        assertEquals(1, bad("read \"/CN=\\x\"").line());
        assertEquals(1, bad("write").line());
        assertEquals(1, bad("read @bad group!").line());
        assertEquals(1, bad("read @").line());
        assertEquals(1, bad("read \"\"").line());
        assertEquals(1, bad("read \"a\"b").line());
        assertEquals(1, bad("read a\"b").line());
    }

    @Test
    void xmlFormFromTheSlides() {
        List<AclEntry> entries = ok("""
                <?xml version="1.0"?>
                <gridacl>
                  <person>
                    <dn>/O=Grid/O=UKHEP/OU=hep.man.ac.uk/CN=Andrew McNab</dn>
                    <level>admin</level>
                  </person>
                  <group><name>physics</name><level>read</level></group>
                  <person><dn>*</dn><level>none</level></person>
                </gridacl>
                """);
        assertEquals(List.of(
                new AclEntry(AccessLevel.ADMIN,
                        new AclPrincipal(AclPrincipal.Kind.NAMED, "/O=Grid/O=UKHEP/OU=hep.man.ac.uk/CN=Andrew McNab"), 3),
                new AclEntry(AccessLevel.READ, new AclPrincipal(AclPrincipal.Kind.GROUP, "physics"), 7),
                new AclEntry(AccessLevel.NONE, AclPrincipal.ANYONE, 8)), entries);
    }

    @Test
    void malformedXmlNamesTheLine() {
        assertEquals(3, bad("<gridacl>\n<person><dn>x</dn><level>read</level></person>\n<person><dn>y</dn></person>\n</gridacl>").line());
        assertEquals(2, bad("<gridacl>\n<people/>\n</gridacl>").line());
        assertEquals(1, bad("<acl/>").line());
        assertTrue(bad("<gridacl><person><dn>x</dn><level>root</level></person></gridacl>").message().contains("unknown level"));
        assertTrue(bad("<gridacl><person>").line() >= 1);
        assertInstanceOf(AclParse.Malformed.class, AclParser.parse("<gridacl><person><dn>a</dn><dn>b</dn><level>read</level></person></gridacl>"));
    }

    @Test
    void xmlRefusesDoctypesAndExternalEntities() {
        AclParse.Malformed xxe = bad("""
                <?xml version="1.0"?>
                <!DOCTYPE gridacl [<!ENTITY who SYSTEM "file:///etc/passwd">]>
                <gridacl><person><dn>&who;</dn><level>admin</level></person></gridacl>
                """);
        assertTrue(xxe.message().toUpperCase().contains("DOCTYPE"), xxe.message());
        bad("<!DOCTYPE gridacl [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><gridacl/>");
    }

    @Test
    void emptyFilesGrantNothingButAreWellFormed() {
        assertEquals(List.of(), ok(""));
        assertEquals(List.of(), ok("# only a comment\n"));
        assertEquals(List.of(), ok("<gridacl/>"));
    }

    @Test
    void groupsFile() {
        AclGroups groups = assertInstanceOf(AclGroups.Parse.Ok.class, AclGroups.parse("""
                # groups
                physics: alice, "/O=Grid/CN=Jane Doe", "/CN=a,b"
                empty:
                """)).groups();
        assertEquals(java.util.Set.of("alice", "/O=Grid/CN=Jane Doe", "/CN=a,b"), groups.members().get("physics"));
        assertEquals(java.util.Set.of(), groups.members().get("empty"));
        assertEquals(2, assertInstanceOf(AclGroups.Parse.Malformed.class, AclGroups.parse("a: x\na: y")).line());
        assertEquals(1, assertInstanceOf(AclGroups.Parse.Malformed.class, AclGroups.parse("a x")).line());
        assertEquals(1, assertInstanceOf(AclGroups.Parse.Malformed.class, AclGroups.parse("a: x y")).line());
        assertEquals(1, assertInstanceOf(AclGroups.Parse.Malformed.class, AclGroups.parse("a: x,,y")).line());
        assertEquals(1, assertInstanceOf(AclGroups.Parse.Malformed.class, AclGroups.parse("b@d: x")).line());
    }

    @Test
    void protectedNames() {
        for (String name : List.of(".grid-acl", ".GRID-ACL", ".Grid-Acl", ".grid-acl~", ".grid-acl.tmp-1",
                ".grid-acl-write-%2FCN%3Dx", ".wharf-owners", ".WHARF-OWNERS.tmp")) {
            assertTrue(AclFiles.isProtected(name), name);
        }
        for (String name : List.of("grid-acl", "x.grid-acl", ".grid-ac", "", "readme")) {
            assertTrue(!AclFiles.isProtected(name), name);
        }
        assertTrue(AclFiles.isProtectedPath("/a/.GRID-ACL"));
        assertTrue(AclFiles.isProtectedPath("/a/.grid-acl/x"));
        assertTrue(!AclFiles.isProtectedPath("/a/b.grid-acl"));
    }
}
