package dev.wharf.server.data;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking half of a splice upload: socket → pipe → file with {@code splice(2)} until the client's end
 * of stream, so the data's pages move instead of being copied through the server's memory. File offsets go
 * through a 64-bit {@code loff_t}, so files beyond 2 GiB are written like any other.
 *
 * <p>It only ever touches descriptors it owns: duplicates taken while the originals were certainly open,
 * closed by this loop alone, after its last call. Netty (or an ABOR) closing the channel's own descriptor
 * cannot hand this loop a number the kernel has since given to another connection or file; {@link #stop}
 * wakes the loop with {@code shutdown(2)} on the duplicate, under the same lock as its close.
 */
final class SpliceLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SpliceLoop.class);
    /** What one socket→pipe splice may move: the pipe's capacity. */
    static final int PIPE_BYTES = 1 << 20;

    private final int socket;
    private final int file;
    private final long start;
    private final AtomicLong progress;
    private final CompletableFuture<Long> finished = new CompletableFuture<>();
    private long position;
    private long received;
    private boolean socketClosed;
    private volatile boolean stopped;

    /**
     * @param socket   a duplicate of the data connection's descriptor, now owned by this loop
     * @param file     a duplicate of the upload's file descriptor, now owned by this loop
     * @param start    the file offset of the upload's first byte
     * @param position where the next byte goes (bytes read before the hand-off are already written)
     */
    SpliceLoop(int socket, int file, long start, long position, long received, AtomicLong progress) {
        this.socket = socket;
        this.file = file;
        this.start = start;
        this.position = position;
        this.received = received;
        this.progress = progress;
    }

    /** Completes with the upload's byte count once both descriptors are closed, or exceptionally. */
    CompletableFuture<Long> finished() {
        return finished;
    }

    /** Any thread: the loop ends as if the client had closed (the channel was closed: ABOR, shutdown). */
    void stop() {
        stopped = true;
        synchronized (this) {
            if (!socketClosed) {
                try {
                    SpliceCalls.lib().shutdown(socket, SpliceCalls.SHUT_RDWR);
                } catch (LastErrorException e) {
                    // ENOTCONN: the peer is already gone and the loop sees it itself
                }
            }
        }
    }

    @Override
    public void run() {
        int[] pipe = {-1, -1};
        IOException failure = null;
        try (Memory pollfd = new Memory(8); Memory offset = new Memory(8)) {
            SpliceCalls.lib().pipe2(pipe, SpliceCalls.O_CLOEXEC);
            widen(pipe[1]);
            wakeLess(socket);
            offset.setLong(0, position);
            while (!stopped) {
                long n = fromSocket(pipe[1], pollfd);
                if (n == 0) {
                    break; // end of stream
                }
                if (n > 0) {
                    toFile(pipe[0], offset, n);
                    received += n;
                    progress.set(received);
                }
            }
            position = offset.getLong(0);
        } catch (LastErrorException e) {
            failure = SpliceCalls.io(e);
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            failure = new IOException("splice upload: " + e, e);
        } finally {
            SpliceCalls.closeQuietly(pipe[0]);
            SpliceCalls.closeQuietly(pipe[1]);
            SpliceCalls.closeQuietly(file);
            synchronized (this) {
                socketClosed = true;
                SpliceCalls.closeQuietly(socket);
            }
        }
        if (failure != null) {
            finished.completeExceptionally(failure);
        } else {
            finished.complete(position - start);
        }
    }

    /** Bytes moved into the pipe, 0 at the end of stream, -1 when there was nothing to read yet (after waiting). */
    private long fromSocket(int pipeIn, Memory pollfd) throws IOException {
        long n = SpliceCalls.Hot.splice(socket, null, pipeIn, null, PIPE_BYTES,
                SpliceCalls.SPLICE_F_MOVE | SpliceCalls.SPLICE_F_NONBLOCK);
        if (n >= 0) {
            return n;
        }
        int errno = Native.getLastError();
        if (errno == SpliceCalls.EAGAIN) {
            SpliceCalls.awaitReadable(socket, pollfd);
        } else if (errno != SpliceCalls.EINTR) {
            throw SpliceCalls.io(errno);
        }
        return -1;
    }

    /** Empties {@code n} bytes from the pipe into the file at {@code offset}, which the kernel advances. */
    private void toFile(int pipeOut, Memory offset, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long moved = SpliceCalls.Hot.splice(pipeOut, null, file, offset, left, SpliceCalls.SPLICE_F_MOVE);
            if (moved < 0) {
                int errno = Native.getLastError();
                if (errno != SpliceCalls.EINTR) {
                    throw SpliceCalls.io(errno);
                }
            } else if (moved == 0) {
                throw new IOException("splice into the file moved nothing");
            } else {
                left -= moved;
            }
        }
    }

    /**
     * poll(2) reports the socket readable only once this much is queued (or at its end, or an error), so the
     * thread wakes once per large chunk instead of once per segment burst: each wake-up is a context switch.
     */
    static final int WAKE_BYTES = 256 * 1024;

    private static void wakeLess(int socket) {
        try {
            SpliceCalls.lib().setsockopt(socket, SpliceCalls.SOL_SOCKET, SpliceCalls.SO_RCVLOWAT, new int[] {WAKE_BYTES}, 4);
        } catch (LastErrorException e) {
            LOG.debug("SO_RCVLOWAT refused: errno {}", e.getErrorCode());
        }
    }

    /** A 1 MiB pipe moves 16x more per call than the default 64 KiB; refused (above fs.pipe-max-size): the default. */
    private static void widen(int pipe) {
        try {
            SpliceCalls.lib().fcntl(pipe, SpliceCalls.F_SETPIPE_SZ, PIPE_BYTES);
        } catch (LastErrorException e) {
            LOG.debug("splice pipe stays at the default capacity: errno {}", e.getErrorCode());
        }
    }
}
