package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a resolved descriptor really is, read back from {@code /proc/self/fd} after the kernel
 * resolved it: the virtual path was checked for reserved names, but a symlink can still lead to one
 * (a host-made link to {@code .grid-acl} would otherwise let RETR read the ACL).
 */
final class ReservedTargets {

    private ReservedTargets() {}

    static void check(Descriptor d, int rootFd, String virtual) throws StorageException {
        String real = virtual(d, rootFd, virtual);
        for (String part : real.split("/")) {
            if (HiddenNames.isHidden(part)) {
                throw Errno.refused(virtual, "a symbolic link to a reserved name");
            }
        }
    }

    /** The jail path the descriptor stands for now. */
    static String virtual(Descriptor d, int rootFd, String virtual) throws StorageException {
        try {
            Path root = Files.readSymbolicLink(Path.of("/proc/self/fd/" + rootFd));
            Path real = Files.readSymbolicLink(d.path());
            if (!real.startsWith(root)) { // the kernel said beneath; a concurrent rename may say otherwise
                throw Errno.refused(virtual, "moved out of the root while being resolved");
            }
            return "/" + root.relativize(real);
        } catch (IOException e) {
            throw StorageException.from(e, virtual);
        }
    }
}
