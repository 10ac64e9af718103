package dev.wharf.server.fs;

/** How an upload treats an existing target. */
public enum UploadMode {
    /** STOR/STOU: new content goes to a temporary and replaces the target atomically when complete. */
    REPLACE,
    /** APPE: written in place at the end; a failed append cuts the file back to its old length. */
    APPEND,
    /**
     * REST n + STOR: written in place from offset n and the file ends where the data ends; a failed
     * transfer restores the original length.
     */
    RESUME
}
