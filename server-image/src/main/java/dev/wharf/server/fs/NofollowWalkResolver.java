package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@link JailResolver} for kernels without {@code openat2}: RESOLVE_BENEATH done by hand. Each component
 * is opened with {@code openat(O_PATH|O_NOFOLLOW)} relative to the descriptor of the one before, so
 * nothing swapped in later changes what was already opened; a symlink found on the way is read from
 * its own descriptor and expanded in place (absolute targets refused, {@code ..} pops a held
 * descriptor and never climbs above the root, 40 links at most, as the kernel counts).
 */
final class NofollowWalkResolver implements JailResolver {

    static final NofollowWalkResolver INSTANCE = new NofollowWalkResolver();
    private static final int MAX_LINKS = 40;

    private NofollowWalkResolver() {}

    @Override
    public int open(int rootFd, String relative, boolean directory) {
        Deque<String> todo = new ArrayDeque<>(parts(relative));
        Deque<Integer> held = new ArrayDeque<>();
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String part = todo.removeFirst();
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (held.isEmpty()) {
                        throw new LastErrorException(FsCalls.EXDEV);
                    }
                    FsCalls.close(held.pop());
                    continue;
                }
                int at = held.isEmpty() ? rootFd : held.peek();
                int fd = FsCalls.openat(at, part, FsCalls.O_PATH | FsCalls.O_NOFOLLOW | FsCalls.O_CLOEXEC);
                String target = linkTarget(fd);
                if (target == null) {
                    held.push(fd);
                    continue;
                }
                FsCalls.close(fd);
                if (++links > MAX_LINKS) {
                    throw new LastErrorException(FsCalls.ELOOP);
                }
                if (target.startsWith("/")) {
                    throw new LastErrorException(FsCalls.EXDEV);
                }
                List<String> expanded = parts(target);
                for (int i = expanded.size() - 1; i >= 0; i--) {
                    todo.addFirst(expanded.get(i));
                }
            }
            if (held.isEmpty() || directory) {
                // Reopening "." checks the type (ENOTDIR) and gives the caller a descriptor of its own.
                int last = held.isEmpty() ? rootFd : held.peek();
                return FsCalls.openat(last, ".", FsCalls.O_PATH | FsCalls.O_CLOEXEC | (directory ? FsCalls.O_DIRECTORY : 0));
            }
            return held.pop();
        } finally {
            held.forEach(FsCalls::close);
        }
    }

    /** The symlink's target, or null when {@code fd} is not a symlink. */
    private static String linkTarget(int fd) {
        try {
            return FsCalls.readlink(fd);
        } catch (LastErrorException e) {
            return null; // EINVAL/ENOENT: not a symlink
        }
    }

    private static List<String> parts(String path) {
        return List.of(path.split("/"));
    }
}
