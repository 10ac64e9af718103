package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;

/** {@link JailResolver} by {@code openat2(2)}: the kernel refuses every step out of the root. */
final class Openat2Resolver implements JailResolver {

    static final Openat2Resolver INSTANCE = new Openat2Resolver();

    private static final long RESOLVE = FsCalls.RESOLVE_BENEATH | FsCalls.RESOLVE_NO_MAGICLINKS;
    /** RESOLVE_BENEATH answers EAGAIN when a concurrent rename makes ".." unsafe to check: retry. */
    private static final int ATTEMPTS = 16;

    private Openat2Resolver() {}

    @Override
    public int open(int rootFd, String relative, boolean directory) {
        long flags = FsCalls.O_PATH | FsCalls.O_CLOEXEC | (directory ? FsCalls.O_DIRECTORY : 0);
        String path = relative.isEmpty() ? "." : relative;
        for (int attempt = 1; ; attempt++) {
            try {
                return FsCalls.openat2(rootFd, path, flags, RESOLVE);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != FsCalls.EAGAIN || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Whether this kernel (and any seccomp filter around us) lets openat2 through. */
    static boolean supported() {
        try {
            FsCalls.close(FsCalls.openat2(-100 /* AT_FDCWD */, ".", FsCalls.O_PATH | FsCalls.O_CLOEXEC, RESOLVE));
            return true;
        } catch (LastErrorException e) {
            // ENOSYS, or EPERM from an older container seccomp profile; any other answer means it exists
            return e.getErrorCode() != FsCalls.ENOSYS && e.getErrorCode() != 1;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
