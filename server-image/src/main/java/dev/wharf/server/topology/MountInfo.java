package dev.wharf.server.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure parser and lookup for {@code /proc/self/mountinfo} (proc(5)). */
public final class MountInfo {

    /** One mount: {@code root} is the directory of the filesystem mounted at {@code mountPoint}. */
    public record Mount(int major, int minor, String root, String mountPoint, String fsType, String source,
                        String superOptions) {
        public String device() {
            return major + ":" + minor;
        }
    }

    private MountInfo() {}

    public static List<Mount> parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                mounts.add(parseLine(line));
            }
        }
        return mounts;
    }

    static Mount parseLine(String line) {
        String[] f = line.strip().split(" ");
        int dash = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (f.length < 7 || dash < 0 || dash + 2 >= f.length) {
            throw new IllegalArgumentException("malformed mountinfo line: " + line);
        }
        String[] majMin = f[2].split(":");
        if (majMin.length != 2) {
            throw new IllegalArgumentException("malformed major:minor in mountinfo line: " + line);
        }
        try {
            return new Mount(Integer.parseInt(majMin[0]), Integer.parseInt(majMin[1]), unescape(f[3]),
                    unescape(f[4]), f[dash + 1], unescape(f[dash + 2]), dash + 3 < f.length ? f[dash + 3] : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed major:minor in mountinfo line: " + line);
        }
    }

    /** The kernel writes space, tab, newline and backslash as three-digit octal escapes. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    /**
     * The mount that holds {@code absolutePath}: the longest mount point that is a path prefix of it;
     * among equal mount points the last one listed (it hides the earlier ones).
     */
    public static Optional<Mount> mountOf(List<Mount> mounts, String absolutePath) {
        Mount best = null;
        for (Mount m : mounts) {
            if (covers(m.mountPoint(), absolutePath)
                    && (best == null || m.mountPoint().length() >= best.mountPoint().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean covers(String mountPoint, String path) {
        if (mountPoint.equals("/")) {
            return path.startsWith("/");
        }
        return path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }
}
