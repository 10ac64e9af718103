package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
import dev.wharf.server.auth.Identity;
import java.util.List;

/**
 * Combines the entries of one ACL file for one identity (docs/acl.md, "Evaluation"):
 * <ol>
 * <li>only the most specific class of matching entries counts: a DN/user name or {@code anonymous}
 * entry beats an {@code @group} entry, which beats {@code *};</li>
 * <li>within that class, a {@code none} entry is an explicit denial and wins;</li>
 * <li>otherwise the highest level among that class's entries is granted;</li>
 * <li>no matching entry grants {@code none}.</li>
 * </ol>
 * Pure and allocation-free on the hot path apart from the verdict.
 */
public final class AclEvaluator {
    private AclEvaluator() {}

    /** The level granted and the entry that decided it (null when no entry matched). */
    public record Verdict(AccessLevel level, AclEntry decidedBy) {}

    private static final Verdict NO_MATCH = new Verdict(AccessLevel.NONE, null);

    public static Verdict evaluate(List<AclEntry> entries, Identity who, AclGroups groups) {
        int bestClass = 0;
        AclEntry best = null;
        for (int i = 0, n = entries.size(); i < n; i++) {
            AclEntry entry = entries.get(i);
            int specificity = entry.principal().kind().specificity();
            if (specificity < bestClass || !matches(entry.principal(), who, groups)) {
                continue;
            }
            if (specificity > bestClass) {
                bestClass = specificity;
                best = entry;
            } else if (best.level() != AccessLevel.NONE
                    && (entry.level() == AccessLevel.NONE || entry.level().compareTo(best.level()) > 0)) {
                best = entry;
            }
        }
        return best == null ? NO_MATCH : new Verdict(best.level(), best);
    }

    public static boolean matches(AclPrincipal principal, Identity who, AclGroups groups) {
        return switch (principal.kind()) {
            case ANYONE -> true;
            case ANONYMOUS -> who.isAnonymous();
            case GROUP -> groups.isMember(who, principal.name());
            case NAMED -> principal.name().equals(who.principal());
        };
    }
}
