package dev.wharf.server.fs;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The Linux calls the jail makes itself (x86_64 numbering), through JNA: {@code openat2(2)} (no glibc
 * wrapper, so by number), {@code openat}, {@code renameat2}, {@code readlinkat} and {@code close}.
 * Names are encoded as the JDK encodes file names ({@code sun.jnu.encoding}) so a file created here
 * and one listed through {@code java.nio.file} have the same name. Failures throw
 * {@link LastErrorException} carrying errno.
 */
final class FsCalls {

    static final long SYS_OPENAT2 = 437;

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;

    static final long RESOLVE_NO_MAGICLINKS = 0x02;
    static final long RESOLVE_BENEATH = 0x08;

    static final int RENAME_NOREPLACE = 1;

    static final int ENOENT = 2;
    static final int EAGAIN = 11;
    static final int EEXIST = 17;
    static final int EXDEV = 18;
    static final int ENOTDIR = 20;
    static final int EINVAL = 22;
    static final int ENOSYS = 38;
    static final int ELOOP = 40;

    private static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    interface Lib extends Library {
        long syscall(long number, Object... args) throws LastErrorException;

        int openat(int dirfd, byte[] path, int flags, int mode) throws LastErrorException;

        int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) throws LastErrorException;

        long readlinkat(int dirfd, byte[] path, byte[] buffer, long size) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static volatile Lib lib;

    private FsCalls() {}

    private static Lib lib() {
        Lib l = lib;
        if (l == null) {
            l = Native.load("c", Lib.class);
            lib = l;
        }
        return l;
    }

    /** openat2(2) with {@code struct open_how {u64 flags; u64 mode; u64 resolve;}}. */
    static int openat2(int dirfd, String path, long flags, long resolve) {
        try (Memory how = new Memory(24)) {
            how.setLong(0, flags);
            how.setLong(8, 0);
            how.setLong(16, resolve);
            return (int) lib().syscall(SYS_OPENAT2, (long) dirfd, bytes(path), how, 24L);
        }
    }

    static int openat(int dirfd, String path, int flags) {
        return openat(dirfd, path, flags, 0);
    }

    /** openat with the permission bits a created file gets (before the umask). */
    static int openat(int dirfd, String path, int flags, int mode) {
        return lib().openat(dirfd, bytes(path), flags, mode);
    }

    static void renameat2(int fromDir, String from, int toDir, String to, int flags) {
        lib().renameat2(fromDir, bytes(from), toDir, bytes(to), flags);
    }

    /** The target of the symlink {@code fd} refers to (an {@code O_PATH|O_NOFOLLOW} descriptor). */
    static String readlink(int fd) {
        byte[] buffer = new byte[4097];
        long n = lib().readlinkat(fd, bytes(""), buffer, buffer.length);
        return new String(Arrays.copyOf(buffer, (int) n), NAMES);
    }

    static void close(int fd) {
        lib().close(fd);
    }

    private static byte[] bytes(String path) {
        byte[] encoded = path.getBytes(NAMES);
        return Arrays.copyOf(encoded, encoded.length + 1);
    }
}
