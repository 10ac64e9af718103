package dev.wharf.server.acl;

import dev.wharf.config.AccessLevel;
/**
 * What a door asks to do to a path, named the same way for every door. Each operation needs one
 * {@link AccessLevel} on the directory that governs the path (see docs/acl.md for the per-command table).
 * The path an operation is checked against is the object itself; the policy finds the governing ACL.
 */
public enum Operation {
    /** Download a file, or read its size/mtime/checksum. */
    READ_FILE(AccessLevel.READ),
    /** Stat a named entry (MLST, SIZE, MDTM, dCap stat). */
    STAT(AccessLevel.READ),
    /** Enter a directory (CWD). */
    CHANGE_DIRECTORY(AccessLevel.READ),
    /** List a directory's entries (LIST, NLST, MLSD, STAT dir). */
    LIST_DIRECTORY(AccessLevel.LIST),
    /** Create a new file (STOR, STOU, dCap open w). */
    CREATE_FILE(AccessLevel.WRITE),
    /** Replace an existing file's content (STOR onto an existing name). */
    OVERWRITE_FILE(AccessLevel.WRITE),
    /** Append to a file (APPE, REST+STOR). */
    APPEND_FILE(AccessLevel.WRITE),
    DELETE_FILE(AccessLevel.WRITE),
    MAKE_DIRECTORY(AccessLevel.WRITE),
    REMOVE_DIRECTORY(AccessLevel.WRITE),
    /** Rename: checked on both the source and the target path. */
    RENAME(AccessLevel.WRITE),
    /** SITE CHMOD and dCap chmod. */
    CHANGE_MODE(AccessLevel.WRITE),
    /** Read or change a directory's ACL. */
    ADMINISTER_ACL(AccessLevel.ADMIN);

    private final AccessLevel required;

    Operation(AccessLevel required) {
        this.required = required;
    }

    public AccessLevel required() {
        return required;
    }
}
