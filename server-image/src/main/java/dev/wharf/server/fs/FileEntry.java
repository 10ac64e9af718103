package dev.wharf.server.fs;

import java.time.Instant;

/**
 * What listings and MLST/SIZE/MDTM need to know about one entry, read in one attribute call.
 *
 * @param name the entry's name (last path component), "" for the root
 * @param mode the Unix permission bits (e.g. 0644), without the type bits
 */
public record FileEntry(String name, Type type, long size, Instant modified, int mode, int links,
                        String owner, String group, int uid, int gid, long inode) {

    public enum Type { FILE, DIRECTORY, SYMLINK, OTHER }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isFile() {
        return type == Type.FILE;
    }
}
