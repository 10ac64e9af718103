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

    interface Lib extends Library {
        long splice(int fdIn, Pointer offIn, int fdOut, Pointer offOut, long len, int flags) throws LastErrorException;

        int pipe2(int[] fds, int flags) throws LastErrorException;

        int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

        int fcntl(int fd, int cmd, int arg) throws LastErrorException;

        int shutdown(int fd, int how) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        String strerror(int errno);
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

    /** Waits until {@code fd} is readable, has hung up or was shut down. */
    static void awaitReadable(int fd, Memory pollfd) throws IOException {
        pollfd.setInt(0, fd);
        pollfd.setShort(4, (short) (POLLIN | POLLRDHUP));
        pollfd.setShort(6, (short) 0);
        try {
            lib().poll(pollfd, 1, -1);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EINTR) {
                throw io(e);
            }
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
}
