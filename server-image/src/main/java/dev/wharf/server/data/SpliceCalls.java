package dev.wharf.server.data;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * The Linux calls of the splice receive path, through JNA: {@code splice(2)}, {@code pipe2}, {@code poll},
 * descriptor duplication and {@code shutdown(2)}. Failures other than "try again" become IOExceptions whose
 * message is the C library's text for the errno ("No space left on device", "Connection reset by peer"), the
 * text the rest of the server already recognises.
 */
final class SpliceCalls {

    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int SPLICE_F_MOVE = 1;
    static final int SPLICE_F_NONBLOCK = 2;
    static final int SPLICE_F_MORE = 4;
    static final int O_CLOEXEC = 02000000;
    static final int F_DUPFD_CLOEXEC = 1030;
    static final int F_SETPIPE_SZ = 1031;
    static final short POLLIN = 0x001;
    static final short POLLRDHUP = 0x2000;
    static final int SHUT_RDWR = 2;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVLOWAT = 18;

    interface Lib extends Library {
        int pipe2(int[] fds, int flags) throws LastErrorException;

        int fcntl(int fd, int cmd, int arg) throws LastErrorException;

        int shutdown(int fd, int how) throws LastErrorException;

        int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        String strerror(int errno);
    }

    /**
     * The calls made per chunk, bound by JNA's direct mapping: an interface call costs a reflective proxy and
     * an argument array, and a LastErrorException a stack trace, which together took ~12% of a splice
     * upload's CPU (perf). A -1 return leaves errno in {@link Native#getLastError()}.
     */
    static final class Hot {
        static {
            Native.register("c");
        }

        private Hot() {}

        static native long splice(int fdIn, Pointer offIn, int fdOut, Pointer offOut, long len, int flags);

        static native int poll(Pointer fds, long count, int timeoutMillis);
    }

    private static volatile Lib lib;

    private SpliceCalls() {}

    static Lib lib() {
        Lib l = lib;
        if (l == null) {
            l = Native.load("c", Lib.class);
            lib = l;
        }
        return l;
    }

    /** A duplicate of {@code fd} that only its taker closes. */
    static int dup(int fd) throws IOException {
        try {
            return lib().fcntl(fd, F_DUPFD_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw io(e);
        }
    }

    /**
     * Waits until {@code fd} is readable (SO_RCVLOWAT bytes queued), has hung up or was shut down, or
     * {@link #POLL_MILLIS} passed: then whatever is queued is taken anyway, so progress (STAT, performance
     * markers) never lags a stalled client by more than that.
     */
    static final int POLL_MILLIS = 100;

    static void awaitReadable(int fd, Memory pollfd) throws IOException {
        pollfd.setInt(0, fd);
        pollfd.setShort(4, (short) (POLLIN | POLLRDHUP));
        pollfd.setShort(6, (short) 0);
        if (Hot.poll(pollfd, 1, POLL_MILLIS) < 0 && Native.getLastError() != EINTR) {
            throw io(Native.getLastError());
        }
    }

    static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                lib().close(fd);
            } catch (LastErrorException ignored) {
                // nothing left to undo
            }
        }
    }

    static IOException io(LastErrorException e) {
        return new IOException(lib().strerror(e.getErrorCode()), e);
    }

    static IOException io(int errno) {
        return new IOException(lib().strerror(errno));
    }
}
