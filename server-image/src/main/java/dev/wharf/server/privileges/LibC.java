package dev.wharf.server.privileges;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The few glibc calls Wharf needs (Linux, LP64), bound through JNA so there is no native code of our
 * own. Every call throws {@link LastErrorException} with errno on failure; {@link #available()} is
 * false off Linux or when JNA cannot load libc, and callers then degrade as without the privilege.
 */
public final class LibC {

    public static final int RLIMIT_NOFILE = 7;
    public static final int PRIO_PROCESS = 0;
    public static final int MCL_CURRENT = 1;
    public static final int MCL_FUTURE = 2;
    public static final int MCL_ONFAULT = 4;
    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_GETPIPE_SZ = 1032;
    public static final int EPERM = 1;

    /** {@code struct rlimit}: two {@code rlim_t} (unsigned long). */
    @Structure.FieldOrder({"cur", "max"})
    public static final class RLimit extends Structure {
        public long cur;
        public long max;
    }

    interface Lib extends Library {
        int sched_setaffinity(int pid, long size, long[] mask) throws LastErrorException;

        int sched_getaffinity(int pid, long size, long[] mask) throws LastErrorException;

        int gettid();

        int setpriority(int which, int who, int prio) throws LastErrorException;

        int getpriority(int which, int who) throws LastErrorException;

        int mlockall(int flags) throws LastErrorException;

        int munlockall() throws LastErrorException;

        int mlock(Pointer addr, long len) throws LastErrorException;

        int munlock(Pointer addr, long len) throws LastErrorException;

        int getrlimit(int resource, RLimit limit) throws LastErrorException;

        int setrlimit(int resource, RLimit limit) throws LastErrorException;

        int pipe(int[] fds) throws LastErrorException;

        int fcntl(int fd, int cmd, int arg) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final Lib LIB = load();

    private LibC() {}

    private static Lib load() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return null;
        }
        try {
            return Native.load("c", Lib.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    public static boolean available() {
        return LIB != null;
    }

    static Lib lib() {
        if (LIB == null) {
            throw new UnsupportedOperationException("libc is not available through JNA on this platform");
        }
        return LIB;
    }

    /** Pins the calling thread to the CPUs set in {@code mask} (bit n of word n/64 = CPU n). */
    public static void setAffinityOfCurrentThread(long[] mask) {
        lib().sched_setaffinity(0, mask.length * 8L, mask);
    }

    /** The calling thread's affinity mask, 1024 CPUs wide. */
    public static long[] affinityOfCurrentThread() {
        long[] mask = new long[16];
        lib().sched_getaffinity(0, mask.length * 8L, mask);
        return mask;
    }

    /** The calling thread's kernel id, as in {@code /proc/self/task/<tid>}. */
    public static int gettid() {
        return lib().gettid();
    }

    /** Sets the nice value of one thread (Linux keeps nice per thread). */
    public static void setThreadNice(int tid, int nice) {
        lib().setpriority(PRIO_PROCESS, tid, nice);
    }

    public static void mlockall(int flags) {
        lib().mlockall(flags);
    }

    public static void munlockall() {
        lib().munlockall();
    }

    public static void mlock(Pointer address, long length) {
        lib().mlock(address, length);
    }

    public static void munlock(Pointer address, long length) {
        lib().munlock(address, length);
    }

    public static RLimit getrlimit(int resource) {
        RLimit r = new RLimit();
        lib().getrlimit(resource, r);
        return r;
    }

    public static void setrlimit(int resource, long cur, long max) {
        RLimit r = new RLimit();
        r.cur = cur;
        r.max = max;
        lib().setrlimit(resource, r);
    }

    /** A new pipe: {@code [read end, write end]}. */
    public static int[] pipe() {
        int[] fds = new int[2];
        lib().pipe(fds);
        return fds;
    }

    /** Sets a pipe's capacity; returns what the kernel actually gave (rounded up to pages). */
    public static int setPipeSize(int fd, int bytes) {
        return lib().fcntl(fd, F_SETPIPE_SZ, bytes);
    }

    public static int pipeSize(int fd) {
        return lib().fcntl(fd, F_GETPIPE_SZ, 0);
    }

    public static void close(int fd) {
        lib().close(fd);
    }
}
