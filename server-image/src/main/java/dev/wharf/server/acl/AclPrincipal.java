package dev.wharf.server.acl;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who an ACL entry is about. {@link Kind#NAMED} is a DN in slash form or a user name, compared
 * exactly (case-sensitive) with {@link dev.wharf.server.auth.Identity#principal()}.
 */
public record AclPrincipal(Kind kind, String name) {

    public enum Kind {
        /** {@code *}: any session, authenticated or not. */
        ANYONE(1),
        /** {@code @group}: members of a group (the identity's groups or the groups file). */
        GROUP(2),
        /** {@code anonymous}: anonymous sessions only. */
        ANONYMOUS(3),
        /** A DN or user name. */
        NAMED(3);

        private final int specificity;

        Kind(int specificity) {
            this.specificity = specificity;
        }

        /** Higher is more specific; a file's decision comes from the most specific matching class. */
        public int specificity() {
            return specificity;
        }
    }

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public static final AclPrincipal ANYONE = new AclPrincipal(Kind.ANYONE, "*");
    public static final AclPrincipal ANONYMOUS = new AclPrincipal(Kind.ANONYMOUS, "anonymous");

    public AclPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Classifies an (already unquoted) principal string.
     *
     * @throws IllegalArgumentException with a message fit for a line-numbered error
     */
    public static AclPrincipal of(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty principal");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("control character in principal");
            }
        }
        if (text.equals("*")) {
            return ANYONE;
        }
        if (text.equals("anonymous")) {
            return ANONYMOUS;
        }
        if (text.startsWith("@")) {
            String group = text.substring(1);
            if (!isGroupName(group)) {
                throw new IllegalArgumentException("bad group name '" + group + "' (letters, digits, . _ - only)");
            }
            return new AclPrincipal(Kind.GROUP, group);
        }
        return new AclPrincipal(Kind.NAMED, text);
    }

    public static boolean isGroupName(String name) {
        return GROUP_NAME.matcher(name).matches();
    }

    /** The principal as written in an ACL file before quoting: {@code *}, {@code anonymous}, {@code @g}, or the name. */
    public String text() {
        return kind == Kind.GROUP ? "@" + name : name;
    }

    @Override
    public String toString() {
        return text();
    }
}
