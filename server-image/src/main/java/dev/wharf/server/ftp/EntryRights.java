package dev.wharf.server.ftp;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.Storage;

/** What the session may do with an entry, for MLSx {@code Perm} and legacy LIST modes. */
final class EntryRights {

    private EntryRights() {}

    /**
     * Files: read = READ_FILE, write = OVERWRITE_FILE on the file. Directories: read = CHANGE_DIRECTORY
     * and list = LIST_DIRECTORY on the directory, write = CREATE_FILE of a name inside it (the policy
     * judges a new name by the directory that will hold it).
     */
    static LegacyPrinter.Rights of(Storage storage, String path, FileEntry e) {
        if (e.isDirectory()) {
            return new LegacyPrinter.Rights(storage.allowed(Operation.CHANGE_DIRECTORY, path),
                    storage.allowed(Operation.CREATE_FILE, dev.wharf.server.fs.VirtualPaths.child(path, "new")),
                    storage.allowed(Operation.LIST_DIRECTORY, path));
        }
        return new LegacyPrinter.Rights(storage.allowed(Operation.READ_FILE, path),
                storage.allowed(Operation.OVERWRITE_FILE, path), false);
    }

    /**
     * RFC 3659 §7.5.5 perm letters. {@code overwrite} is transfer.overwrite: when it is off an existing
     * file takes no STOR or APPE (553), so it gets no {@code w} and no {@code a}; DELE and RNFR still work.
     */
    static String perm(Storage storage, String path, FileEntry e, boolean overwrite) {
        LegacyPrinter.Rights r = of(storage, path, e);
        StringBuilder s = new StringBuilder();
        if (e.isDirectory()) {
            s.append(r.write() ? "c" : "").append(r.write() ? "d" : "").append(r.read() ? "e" : "")
                    .append(r.write() ? "f" : "").append(r.list() ? "l" : "").append(r.write() ? "mp" : "");
        } else {
            boolean replace = r.write() && overwrite;
            s.append(replace ? "a" : "").append(r.write() ? "d" : "").append(r.write() ? "f" : "")
                    .append(r.read() ? "r" : "").append(replace ? "w" : "");
        }
        return s.toString();
    }
}
