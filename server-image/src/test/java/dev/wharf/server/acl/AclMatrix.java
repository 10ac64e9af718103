package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.auth.Identity;
import dev.wharf.server.gsi.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The principals × levels × operations table shared by the policy test and the door tests: a jail
 * with an ACL in {@code /lab} (inherited by {@code /lab/deep/er}), none at the root (defaults decide).
 * Every level is held once by a password user (FTP, FTPS), once by a DN (gsiftp, gsidcap) and once by a
 * Kerberos principal (krbftp, krbdcap); the anonymous principal holds {@code read} (anonymous FTP, plain
 * dCap). Principals with the same {@link Who#role} must get the same decision through every door.
 */
public final class AclMatrix {
    private AclMatrix() {}

    public static final String DN = "/C=XX/O=Wharf Test/OU=People/CN=";
    /** The user certificate of {@link TestPki}: admin of /lab. */
    public static final String JANE = TestPki.USER_DN;
    public static final String WANDA = DN + "Wanda Writer";
    public static final String SAM = DN + "Sam Staff";
    public static final String MALLORY_DN = DN + "Mallory Grid";
    public static final String OLGA = DN + "Olga Other";
    /** The realm of the Kerberos principals (krb.TestKdc's). */
    public static final String REALM = "@WHARF.TEST";

    public static final String LAB_ACL = """
            # the lab: every level once, by user name and by DN
            admin "%s"
            write alice
            list @staff
            read anonymous
            none mallory
            read *
            admin dave
            write "%s"
            none "%s"
            admin kate%4$s
            write will%4$s
            none mel%4$s
            """.formatted(JANE, WANDA, MALLORY_DN, REALM);

    public static final String GROUPS = "staff: bob, mallory, \"%s\", \"%s\", sid%s, mel%s\n".formatted(SAM, MALLORY_DN,
            REALM, REALM);

    /** How a principal gets its level under /lab; the same role must get the same decisions. */
    public enum Role {
        ADMIN_BY_NAME(AccessLevel.ADMIN), WRITE_BY_NAME(AccessLevel.WRITE), LIST_BY_GROUP(AccessLevel.LIST),
        READ_AS_ANONYMOUS(AccessLevel.READ), NONE_EXPLICIT_DESPITE_GROUP(AccessLevel.NONE), READ_BY_STAR(AccessLevel.READ);

        public final AccessLevel lab;

        Role(AccessLevel lab) {
            this.lab = lab;
        }
    }

    public record Who(String label, Identity identity, Role role) {}

    private static Identity dn(String dn) {
        return new Identity(dn, Identity.Method.GSI, Set.of(), null);
    }

    public static final List<Who> PRINCIPALS = List.of(
            new Who("jane-dn", dn(JANE), Role.ADMIN_BY_NAME),
            new Who("dave", Identity.passwordUser("dave", Set.of()), Role.ADMIN_BY_NAME),
            new Who("alice", Identity.passwordUser("alice", Set.of()), Role.WRITE_BY_NAME),
            new Who("wanda-dn", dn(WANDA), Role.WRITE_BY_NAME),
            new Who("bob", Identity.passwordUser("bob", Set.of()), Role.LIST_BY_GROUP),
            new Who("sam-dn", dn(SAM), Role.LIST_BY_GROUP),
            new Who("anonymous", Identity.anonymous(), Role.READ_AS_ANONYMOUS),
            new Who("mallory", Identity.passwordUser("mallory", Set.of()), Role.NONE_EXPLICIT_DESPITE_GROUP),
            new Who("mallory-dn", dn(MALLORY_DN), Role.NONE_EXPLICIT_DESPITE_GROUP),
            new Who("carol", Identity.passwordUser("carol", Set.of()), Role.READ_BY_STAR),
            new Who("olga-dn", dn(OLGA), Role.READ_BY_STAR),
            new Who("kate-krb", krb("kate"), Role.ADMIN_BY_NAME),
            new Who("will-krb", krb("will"), Role.WRITE_BY_NAME),
            new Who("sid-krb", krb("sid"), Role.LIST_BY_GROUP),
            new Who("mel-krb", krb("mel"), Role.NONE_EXPLICIT_DESPITE_GROUP),
            new Who("otto-krb", krb("otto"), Role.READ_BY_STAR));

    private static Identity krb(String user) {
        return new Identity(user + REALM, Identity.Method.KERBEROS, Set.of(), user);
    }

    public static List<Who> kerberosPrincipals() {
        return PRINCIPALS.stream().filter(w -> w.identity().method() == Identity.Method.KERBEROS).toList();
    }

    public static List<Who> passwordUsers() {
        return PRINCIPALS.stream().filter(w -> w.identity().method() == Identity.Method.PASSWORD).toList();
    }

    public static List<Who> distinguishedNames() {
        return PRINCIPALS.stream().filter(w -> w.identity().method() == Identity.Method.GSI).toList();
    }

    public static Who anonymous() {
        return PRINCIPALS.stream().filter(w -> w.identity().isAnonymous()).findFirst().orElseThrow();
    }

    /** Where a row happens: the ACL'd directory, a directory inheriting it, or the root (defaults). */
    public enum Place {
        LAB("/lab", "/lab/file"), INHERITED("/lab/deep/er", "/lab/deep/er/file"), ROOT("/", "/top");

        public final String dir;
        public final String file;

        Place(String dir, String file) {
            this.dir = dir;
            this.file = file;
        }
    }

    /** One row: who does what where, and whether it is allowed. */
    public record Row(Who who, Operation operation, Place place, String path, boolean allowed) {
        @Override
        public String toString() {
            return who.label() + " " + operation + " " + path + " -> " + (allowed ? "allow" : "deny");
        }
    }

    /** Builds the tree under {@code root}; returns the groups file path. */
    public static Path build(Path root) throws IOException {
        Files.createDirectories(root.resolve("lab/deep/er"));
        Files.writeString(root.resolve("lab/deep/er/file"), "x");
        Files.writeString(root.resolve("lab/file"), "x");
        Files.writeString(root.resolve("top"), "x");
        AclFileWriter.write(root.resolve("lab"), LAB_ACL);
        Path groups = root.resolveSibling(root.getFileName() + "-groups");
        Files.writeString(groups, GROUPS);
        return groups;
    }

    public static boolean isDirectoryOperation(Operation op) {
        return op == Operation.LIST_DIRECTORY || op == Operation.CHANGE_DIRECTORY || op == Operation.ADMINISTER_ACL;
    }

    /** Every operation of one principal in one place. */
    public static Row row(Who who, Operation op, Place place, AccessLevel defaultAuthenticated, AccessLevel defaultAnonymous) {
        AccessLevel level = place != Place.ROOT ? who.role().lab
                : who.identity().isAnonymous() ? defaultAnonymous : defaultAuthenticated;
        return new Row(who, op, place, isDirectoryOperation(op) ? place.dir : place.file, level.includes(op.required()));
    }

    /** Every principal × operation under /lab, /lab/deep/er (inherited) and / (defaults). */
    public static List<Row> rows(AccessLevel defaultAuthenticated, AccessLevel defaultAnonymous) {
        List<Row> rows = new ArrayList<>();
        for (Who who : PRINCIPALS) {
            for (Operation op : Operation.values()) {
                for (Place place : Place.values()) {
                    rows.add(row(who, op, place, defaultAuthenticated, defaultAnonymous));
                }
            }
        }
        return rows;
    }
}
