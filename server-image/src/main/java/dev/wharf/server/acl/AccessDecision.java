package dev.wharf.server.acl;

/**
 * The answer of an {@link AccessPolicy}: allowed or not, and what decided it (an ACL file with its
 * line, or the configured default) so a denial can be logged and explained.
 */
public record AccessDecision(boolean allowed, AccessLevel granted, String decidedBy) {

    public static AccessDecision allow(AccessLevel granted, String decidedBy) {
        return new AccessDecision(true, granted, decidedBy);
    }

    public static AccessDecision deny(AccessLevel granted, String decidedBy) {
        return new AccessDecision(false, granted, decidedBy);
    }
}
