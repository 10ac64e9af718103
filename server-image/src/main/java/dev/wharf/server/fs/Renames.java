package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;
import dev.wharf.server.fs.StorageException.Reason;

/** renameat2(2) between two directory descriptors, refusing an existing target atomically when asked. */
final class Renames {

    private Renames() {}

    static void rename(Descriptor fromDir, String from, Descriptor toDir, String to, boolean replace, String virtual)
            throws StorageException {
        try {
            FsCalls.renameat2(fromDir.fd(), from, toDir.fd(), to, replace ? 0 : FsCalls.RENAME_NOREPLACE);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == FsCalls.EEXIST) {
                throw new StorageException(Reason.EXISTS, virtual + ": already exists and overwriting is disabled", e);
            }
            if (e.getErrorCode() == FsCalls.EINVAL && !replace) {
                // file systems without RENAME_NOREPLACE (some network ones): check, then rename
                if (Jail.attributes(toDir.child(to), virtual) != null) {
                    throw new StorageException(Reason.EXISTS, virtual + ": already exists and overwriting is disabled");
                }
                rename(fromDir, from, toDir, to, true, virtual);
                return;
            }
            throw Errno.failure(e, virtual);
        }
    }
}
