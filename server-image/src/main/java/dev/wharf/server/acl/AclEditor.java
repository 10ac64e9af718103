package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure edits of an ACL file's content for the {@code acl} tool and SITE SETACL. Text files keep
 * their comments and order: setting a principal replaces its first line and drops its other lines,
 * or appends a line. An XML file is rewritten in the text form. A malformed file is not edited.
 */
public final class AclEditor {
    private AclEditor() {}

    /** The file cannot be edited (it is malformed); the message names the line. */
    public static final class UneditableAcl extends Exception {
        public UneditableAcl(String message) {
            super(message);
        }
    }

    /** {@code content} with {@code principal} given {@code level}; content may be empty (no file yet). */
    public static String set(String content, AccessLevel level, AclPrincipal principal) throws UneditableAcl {
        return edit(content, principal, AclRenderer.line(level, principal));
    }

    /** {@code content} without any entry for {@code principal}. */
    public static String remove(String content, AclPrincipal principal) throws UneditableAcl {
        return edit(content, principal, null);
    }

    private static String edit(String content, AclPrincipal principal, String replacement) throws UneditableAcl {
        AclParse parse = AclParser.parse(content);
        if (parse instanceof AclParse.Malformed bad) {
            throw new UneditableAcl("line " + bad.line() + ": " + bad.message() + " (fix the file by hand first)");
        }
        List<AclEntry> entries = ((AclParse.Ok) parse).entries();
        List<String> out = new ArrayList<>();
        boolean placed = false;
        if (AclParser.isXml(content)) {
            for (AclEntry entry : entries) {
                placed = keep(out, entry.principal().equals(principal), AclRenderer.line(entry.level(), entry.principal()),
                        replacement, placed);
            }
        } else {
            String[] lines = content.split("\n", -1);
            for (int n = 0; n < lines.length; n++) {
                int lineNumber = n + 1;
                boolean mine = entries.stream().anyMatch(e -> e.line() == lineNumber && e.principal().equals(principal));
                placed = keep(out, mine, lines[n], replacement, placed);
            }
            if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1);
            }
        }
        if (!placed && replacement != null) {
            out.add(replacement);
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    private static boolean keep(List<String> out, boolean mine, String line, String replacement, boolean placed) {
        if (!mine) {
            out.add(line);
            return placed;
        }
        if (replacement != null && !placed) {
            out.add(replacement);
            return true;
        }
        return placed;
    }
}
