package dev.wharf.server.ftp;

import dev.wharf.server.acl.Operation;
import dev.wharf.server.fs.FileEntry;
import dev.wharf.server.fs.GuardedStorage;

/** What the session may do with an entry, for MLSx {@code Perm} and legacy LIST modes. */
final class EntryRights {

    private EntryRights() {}

    static LegacyPrinter.Rights of(GuardedStorage storage, String path, FileEntry e) {
        boolean write = storage.allowed(Operation.CREATE_FILE, path);
        return new LegacyPrinter.Rights(storage.allowed(Operation.READ_FILE, path), write,
                storage.allowed(Operation.LIST_DIRECTORY, path));
    }

    /** RFC 3659 §7.5.5 perm letters. */
    static String perm(GuardedStorage storage, String path, FileEntry e) {
        LegacyPrinter.Rights r = of(storage, path, e);
        StringBuilder s = new StringBuilder();
        if (e.isDirectory()) {
            s.append(r.write() ? "c" : "").append(r.write() ? "d" : "").append(r.read() ? "e" : "")
                    .append(r.write() ? "f" : "").append(r.list() ? "l" : "").append(r.write() ? "mp" : "");
        } else {
            s.append(r.write() ? "a" : "").append(r.write() ? "d" : "").append(r.write() ? "f" : "")
                    .append(r.read() ? "r" : "").append(r.write() ? "w" : "");
        }
        return s.toString();
    }
}
