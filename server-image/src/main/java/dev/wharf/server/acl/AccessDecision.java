package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
/**
 * The answer of an {@link AccessPolicy}: allowed or not, and what decided it (an ACL file with its
 * line, or the configured default) so a denial can be logged and explained.
 */
public record AccessDecision(boolean allowed, AccessLevel granted, String decidedBy) {

    /**
     * How a decision made by the server-wide defaults ({@code acl.default.*}, or ACLs switched off)
     * starts its {@code decidedBy}: no ACL file spoke. Policies that layer another rule under the ACLs
     * (dCap's world mode bits) let that rule decide only then.
     */
    public static final String DEFAULT_PREFIX = "default ";

    public static AccessDecision allow(AccessLevel granted, String decidedBy) {
        return new AccessDecision(true, granted, decidedBy);
    }

    public static AccessDecision deny(AccessLevel granted, String decidedBy) {
        return new AccessDecision(false, granted, decidedBy);
    }

    /** True when no ACL file decided: the configured defaults did (see {@link #DEFAULT_PREFIX}). */
    public boolean byDefault() {
        return decidedBy.startsWith(DEFAULT_PREFIX);
    }
}
