package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * The GridSite/SlashGrid text form: one {@code LEVEL PRINCIPAL} per line, blank lines and lines
 * starting with {@code #} ignored. See docs/acl.md. Pure: text in, entries or the first error out.
 */
public final class AclTextParser {
    private AclTextParser() {}

    public static AclParse parse(String content) {
        List<AclEntry> entries = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(parseLine(line, n + 1));
            } catch (IllegalArgumentException e) {
                return new AclParse.Malformed(n + 1, e.getMessage());
            }
        }
        return new AclParse.Ok(entries);
    }

    private static AclEntry parseLine(String line, int number) {
        int space = 0;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        AccessLevel level = level(line.substring(0, space));
        String rest = line.substring(space).strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("missing principal after '" + line.substring(0, space) + "'");
        }
        PrincipalSyntax.Token token = PrincipalSyntax.read(rest, 0, "");
        if (token.end() != rest.length()) {
            throw new IllegalArgumentException("unexpected text after the principal: '" + rest.substring(token.end()).strip()
                    + "' (quote principals that contain spaces)");
        }
        return new AclEntry(level, AclPrincipal.of(token.value()), number);
    }

    /** A level name, case-insensitive. */
    public static AccessLevel level(String word) {
        return AccessLevel.of(word).orElseThrow(() -> new IllegalArgumentException(
                "unknown level '" + word + "' (expected none, read, list, write or admin)"));
    }
}
