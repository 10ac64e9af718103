package dev.wharf.server.acl;

import dev.wharf.server.auth.Identity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups file ({@code acl.groups-file}): lines {@code group: principal, principal, ...}, blank
 * lines and {@code #} comments ignored. Principals are quoted as in ACL files (needed for DNs with
 * spaces or commas). A group may be defined once. An identity is in a group when the file lists its
 * principal there or when the login already put the group into {@link Identity#groups()}.
 */
public record AclGroups(Map<String, Set<String>> members) {

    public static final AclGroups EMPTY = new AclGroups(Map.of());

    public AclGroups {
        Map<String, Set<String>> copy = new HashMap<>();
        members.forEach((group, principals) -> copy.put(group, Set.copyOf(principals)));
        members = Map.copyOf(copy);
    }

    public boolean isMember(Identity who, String group) {
        if (who.groups().contains(group)) {
            return true;
        }
        Set<String> principals = members.get(group);
        return principals != null && principals.contains(who.principal());
    }

    /** What parsing a groups file gave. */
    public sealed interface Parse {
        record Ok(AclGroups groups) implements Parse {}

        record Malformed(int line, String message) implements Parse {}
    }

    public static Parse parse(String content) {
        Map<String, Set<String>> groups = new HashMap<>();
        String[] lines = content.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                return new Parse.Malformed(n + 1, "expected 'group: principal, principal'");
            }
            String group = line.substring(0, colon).strip();
            if (!AclPrincipal.isGroupName(group)) {
                return new Parse.Malformed(n + 1, "bad group name '" + group + "' (letters, digits, . _ - only)");
            }
            if (groups.containsKey(group)) {
                return new Parse.Malformed(n + 1, "group '" + group + "' is defined twice");
            }
            try {
                groups.put(group, new HashSet<>(members(line.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                return new Parse.Malformed(n + 1, e.getMessage());
            }
        }
        return new Parse.Ok(new AclGroups(groups));
    }

    private static List<String> members(String list) {
        List<String> out = new ArrayList<>();
        int i = skipSpace(list, 0);
        if (i == list.length()) {
            return out;
        }
        while (true) {
            PrincipalSyntax.Token token = PrincipalSyntax.read(list, i, ",");
            if (token.value().isEmpty()) {
                throw new IllegalArgumentException("empty principal in member list");
            }
            out.add(token.value());
            i = skipSpace(list, token.end());
            if (i == list.length()) {
                return out;
            }
            if (list.charAt(i) != ',') {
                throw new IllegalArgumentException("expected ',' between principals (quote principals with spaces)");
            }
            i = skipSpace(list, i + 1);
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
