package dev.wharf.server.acl;

import dev.wharf.server.auth.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The principals × levels × operations table shared by the policy test and the door tests: a jail
 * with an ACL in {@code /lab} (inherited by {@code /lab/deep/er}), none at the root (defaults decide).
 */
public final class AclMatrix {
    private AclMatrix() {}

    public static final String LAB_ACL = """
            # the lab: every level once
            admin "/O=Grid/CN=Jane Doe"
            write alice
            list @staff
            read anonymous
            none mallory
            read *
            """;

    public static final String GROUPS = "staff: bob, mallory\n";

    public record Who(String label, Identity identity) {}

    public static final List<Who> PRINCIPALS = List.of(
            new Who("jane-dn", new Identity("/O=Grid/CN=Jane Doe", Identity.Method.X509, Set.of(), null)),
            new Who("alice", Identity.passwordUser("alice", Set.of())),
            new Who("bob", Identity.passwordUser("bob", Set.of())),
            new Who("anonymous", Identity.anonymous()),
            new Who("mallory", Identity.passwordUser("mallory", Set.of())),
            new Who("carol", Identity.passwordUser("carol", Set.of())));

    /** The level each principal holds under /lab. */
    public static final Map<String, AccessLevel> LAB_LEVEL = Map.of(
            "jane-dn", AccessLevel.ADMIN, "alice", AccessLevel.WRITE, "bob", AccessLevel.LIST,
            "anonymous", AccessLevel.READ, "mallory", AccessLevel.NONE, "carol", AccessLevel.READ);

    /** One row: who does what where, and whether it is allowed. */
    public record Row(Who who, Operation operation, String path, boolean allowed) {
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

    /** Every principal × operation under /lab, /lab/deep/er (inherited) and / (defaults). */
    public static List<Row> rows(AccessLevel defaultAuthenticated, AccessLevel defaultAnonymous) {
        List<Row> rows = new ArrayList<>();
        for (Who who : PRINCIPALS) {
            for (Operation op : Operation.values()) {
                boolean dirOp = op == Operation.LIST_DIRECTORY || op == Operation.CHANGE_DIRECTORY || op == Operation.ADMINISTER_ACL;
                AccessLevel lab = LAB_LEVEL.get(who.label());
                rows.add(new Row(who, op, dirOp ? "/lab" : "/lab/file", lab.includes(op.required())));
                rows.add(new Row(who, op, dirOp ? "/lab/deep/er" : "/lab/deep/er/file", lab.includes(op.required())));
                AccessLevel top = who.identity().isAnonymous() ? defaultAnonymous : defaultAuthenticated;
                rows.add(new Row(who, op, dirOp ? "/" : "/top", top.includes(op.required())));
            }
        }
        return rows;
    }
}
