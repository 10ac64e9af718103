package dev.wharf.server.gridftp.modee;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Writes one stream's payload at its file offsets, on the blocking executor, in batches: the event
 * loop only queues slices. When more than {@link #HIGH} bytes wait, the stream stops reading until
 * the queue is down to {@link #LOW}, so a fast client cannot fill the heap. Streams write the same
 * file concurrently; positional writes need no lock.
 */
final class PositionalWriter {

    static final long HIGH = 8L << 20;
    static final long LOW = 2L << 20;

    /** Told about each finished write and when the queue ran dry; on the blocking executor. */
    interface Progress {
        void written(long start, long end);

        void failed(IOException cause);

        void drained();
    }

    private record Piece(long position, ByteBuf buf) {}

    private final FileChannel file;
    private final Executor executor;
    private final BlockChannel stream;
    private final Progress progress;
    private final ArrayDeque<Piece> queue = new ArrayDeque<>();
    private long queued;
    private boolean draining;
    private boolean paused;
    private boolean failed;

    PositionalWriter(FileChannel file, Executor executor, BlockChannel stream, Progress progress) {
        this.file = file;
        this.executor = executor;
        this.stream = stream;
        this.progress = progress;
    }

    /** Queues {@code buf} (released once written) for file offset {@code position}. */
    void write(long position, ByteBuf buf) {
        synchronized (this) {
            if (failed) {
                buf.release();
                return;
            }
            queue.add(new Piece(position, buf));
            queued += buf.readableBytes();
            if (!paused && queued > HIGH) {
                paused = true;
                stream.pause(true);
            }
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Piece p;
            synchronized (this) {
                p = queue.poll();
                if (p == null) {
                    draining = false;
                    break;
                }
            }
            int n = p.buf().readableBytes();
            try {
                long at = p.position();
                while (p.buf().isReadable()) {
                    at += p.buf().readBytes(file, at, p.buf().readableBytes());
                }
                progress.written(p.position(), p.position() + n);
            } catch (IOException e) {
                fail();
                progress.failed(e);
            } finally {
                p.buf().release();
            }
            synchronized (this) {
                queued -= n;
                if (paused && queued < LOW) {
                    paused = false;
                    stream.pause(false);
                }
            }
        }
        progress.drained();
    }

    synchronized boolean idle() {
        return !draining && queue.isEmpty();
    }

    /** Drops what is queued (the transfer failed). */
    void fail() {
        synchronized (this) {
            failed = true;
            Piece p;
            while ((p = queue.poll()) != null) {
                queued -= p.buf().readableBytes();
                p.buf().release();
            }
        }
    }
}
