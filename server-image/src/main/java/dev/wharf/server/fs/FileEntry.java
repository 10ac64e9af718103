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

    /** The same entry with the owner Wharf recorded for it (files on disk all belong to the server). */
    public FileEntry withOwner(String recorded) {
        return new FileEntry(name, type, size, modified, mode, links, recorded, group, uid, gid, inode);
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    public boolean isFile() {
        return type == Type.FILE;
    }
}
