package dev.wharf.server.fs;

import dev.wharf.server.acl.AclFiles;

/**
 * Names that exist on disk but not for clients: the ACL subsystem's files ({@link AclFiles#isProtected}:
 * {@code .grid-acl}, {@code .wharf-owners}, any case, with suffixes, so a client can neither read nor
 * replace its own ACL) and the jail's upload temporaries. Listings skip them and
 * every command that names one is refused.
 */
public final class HiddenNames {

    public static final String ACL_FILE = AclFiles.ACL_FILE;
    public static final String UPLOAD_PREFIX = ".wharf-upload-";

    private HiddenNames() {}

    public static boolean isHidden(String name) {
        return AclFiles.isProtected(name) || name.regionMatches(true, 0, UPLOAD_PREFIX, 0, UPLOAD_PREFIX.length());
    }
}
