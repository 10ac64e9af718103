package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import java.util.List;
import java.util.Locale;

/** Writes entries in the text form, quoting principals where needed; the inverse of {@link AclTextParser}. */
public final class AclRenderer {
    private AclRenderer() {}

    public static String line(AccessLevel level, AclPrincipal principal) {
        return level.name().toLowerCase(Locale.ROOT) + " " + PrincipalSyntax.quote(principal.text());
    }

    public static String render(List<AclEntry> entries) {
        StringBuilder out = new StringBuilder();
        for (AclEntry entry : entries) {
            out.append(line(entry.level(), entry.principal())).append('\n');
        }
        return out.toString();
    }
}
