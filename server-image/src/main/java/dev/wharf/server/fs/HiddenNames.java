package dev.wharf.server.fs;

import java.util.Locale;

/**
 * Names that exist on disk but not for clients: ACL files ({@code .grid-acl}, any case, so a client
 * can neither read nor replace its own ACL) and the jail's upload temporaries. Listings skip them and
 * every command that names one is refused.
 */
public final class HiddenNames {

    public static final String ACL_FILE = ".grid-acl";
    public static final String UPLOAD_PREFIX = ".wharf-upload-";

    private HiddenNames() {}

    public static boolean isHidden(String name) {
        return name.toLowerCase(Locale.ROOT).equals(ACL_FILE) || name.startsWith(UPLOAD_PREFIX);
    }
}
