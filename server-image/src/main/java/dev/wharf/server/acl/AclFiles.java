package dev.wharf.server.acl;

/**
 * Names of the files the server keeps for itself in every directory. Doors must hide them from
 * listings and refuse them as the source or target of every normal command (RETR, STOR, APPE, DELE,
 * RNFR/RNTO, MKD, SIZE, MDTM, MLST, symlink targets); ACLs change only through the admin commands.
 * Compare the final name component after the jail resolved symlinks, so a link to an ACL file is
 * refused too.
 */
public final class AclFiles {
    private AclFiles() {}

    /** The per-directory ACL file. */
    public static final String ACL_FILE = ".grid-acl";

    /** The per-directory ownership sidecar used where the file system has no user xattrs. */
    public static final String OWNER_SIDECAR = ".wharf-owners";

    /**
     * True for a name the server owns: {@code .grid-acl} and {@code .wharf-owners} in any letter case,
     * and anything starting with them (the tools' temporary files, SlashGrid's
     * {@code .grid-acl-write-...} control names, editor backups such as {@code .grid-acl~}).
     */
    public static boolean isProtected(String name) {
        if (name == null) {
            return false;
        }
        return startsWithIgnoreCase(name, ACL_FILE) || startsWithIgnoreCase(name, OWNER_SIDECAR);
    }

    /** True when any component of a slash-separated path is {@link #isProtected protected}. */
    public static boolean isProtectedPath(String path) {
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end > start && isProtected(path.substring(start, end))) {
                return true;
            }
            if (slash < 0) {
                return false;
            }
            start = slash + 1;
        }
        return false;
    }

    /** True when the last component of a slash-separated path is protected; allocation-free (hot path). */
    public static boolean isProtectedLastComponent(String path) {
        int start = path.lastIndexOf('/') + 1;
        return path.regionMatches(true, start, ACL_FILE, 0, ACL_FILE.length())
                || path.regionMatches(true, start, OWNER_SIDECAR, 0, OWNER_SIDECAR.length());
    }

    private static boolean startsWithIgnoreCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
