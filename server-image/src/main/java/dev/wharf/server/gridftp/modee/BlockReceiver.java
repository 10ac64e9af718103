package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.DataEndpoint;
import dev.wharf.server.ftp.DataStreams;
import dev.wharf.server.ftp.FtpException;
import dev.wharf.server.ftp.ManagedTransfer;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A MODE E upload (STOR, ESTO): blocks from every stream of the session's {@link StreamSet}, in any
 * order, are written at their offsets; the upload is complete when the EOF has come, as many EODs as
 * it announced, and every queued write is on disk. A block beyond the ALLO size, a malformed header or
 * a stream lost before its EOD fails the transfer (the runner then aborts the upload: no file stays).
 */
final class BlockReceiver implements ManagedTransfer, BlockChannel.Receiver, PositionalWriter.Progress {

    static final long CONNECT_TIMEOUT_SECONDS = 60;

    private final FileChannel file;
    private final long base;
    private final long allocation;
    private final Executor blocking;
    private final ModeEState state;
    private final int parallelism;
    private final ByteRanges written = new ByteRanges();
    private final AtomicLong bytes = new AtomicLong();
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private final Map<BlockChannel, PositionalWriter> writers = new HashMap<>();
    private EodCounter counter;
    private DataStreams streams;
    private boolean connected;

    /**
     * @param base added to every block offset (ESTO A offset)
     * @param allocation the ALLO size: no block may end beyond it; -1 when unknown
     * @param state the session's MODE E state: the marker period, and where the streams are kept afterwards
     * @param parallelism streams to open when the server is the active side (PORT/SPOR)
     */
    BlockReceiver(FileChannel file, long base, long allocation, Executor blocking, ModeEState state, int parallelism) {
        this.parallelism = parallelism;
        this.file = file;
        this.base = base;
        this.allocation = allocation;
        this.blocking = blocking;
        this.state = state;
    }

    @Override
    public CompletableFuture<Long> run(DataEndpoint endpoint, DataStreams streams) {
        StreamSet set = (StreamSet) endpoint;
        this.streams = streams;
        synchronized (this) {
            counter = new EodCounter(set.maxStreams());
        }
        set.whileRunning(() -> done.completeExceptionally(new java.io.IOException("data connections closed")));
        var timer = streams.session().services().context().ioGroup().next();
        var markers = Markers.every(state.markerSeconds(), timer, bytes::get, written, streams.interim());
        var timeout = timer.schedule(() -> {
            synchronized (this) {
                if (!connected) {
                    done.completeExceptionally(new TimeoutException("no data connection within " + CONNECT_TIMEOUT_SECONDS + " s"));
                }
            }
        }, CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (set.passive()) {
            set.receiveInto(this::attach).forEach(this::attach);
        } else { // PORT/SPOR: the server opens the streams, the client sends on them
            set.connections(parallelism).whenComplete((list, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    list.forEach(this::attach);
                }
            });
        }
        return done.whenComplete((n, error) -> {
            set.stopArrivals();
            markers.stop();
            set.whileRunning(null);
            timeout.cancel(false);
            synchronized (this) {
                writers.values().forEach(PositionalWriter::fail);
            }
            if (error != null) {
                set.close(); // streams stopped mid-transfer cannot be reused
            } else {
                synchronized (this) {
                    writers.keySet().forEach(stream -> stream.detach(this));
                }
                if (!written.isEmpty()) {
                    streams.interim().accept(Markers.range(written));
                }
                state.keep(set); // for the next transfer
            }
        });
    }

    private void attach(BlockChannel stream) {
        synchronized (this) {
            if (done.isDone()) {
                return;
            }
            writers.put(stream, new PositionalWriter(file, blocking, stream, this));
            if (!connected) {
                connected = true;
                streams.connected().run();
            }
        }
        stream.receiveFor(this, streams.protect());
    }

    @Override
    public void block(BlockChannel from, BlockHeader header) throws BlockException {
        if (header.has(BlockHeader.EOF)) {
            synchronized (this) {
                counter.eof(header.offset());
            }
        } else if (allocation >= 0 && header.end() > allocation) {
            throw new AllocationExceeded("block " + header.offset() + "-" + header.end()
                    + " goes beyond the announced size (ALLO " + allocation + ")");
        } else if (base + header.end() < 0) {
            throw new BlockException("block " + header.offset() + "-" + header.end() + " at offset " + base + " ends beyond 2^63");
        }
    }

    @Override
    public void payload(BlockChannel from, long offset, ByteBuf payload) {
        PositionalWriter w;
        synchronized (this) {
            w = writers.get(from);
        }
        if (w == null) {
            payload.release();
        } else {
            w.write(base + offset, payload);
        }
    }

    @Override
    public void eod(BlockChannel from) {
        try {
            synchronized (this) {
                counter.eod();
            }
            checkComplete();
        } catch (BlockException e) {
            fail(e);
        }
    }

    @Override
    public void lost(BlockChannel from, IOException cause) {
        fail(cause);
    }

    @Override
    public void written(long start, long end) {
        written.add(start, end);
        streams.progress().set(bytes.addAndGet(end - start));
    }

    @Override
    public void failed(IOException cause) {
        done.completeExceptionally(cause);
    }

    @Override
    public void drained() {
        checkComplete();
    }

    private void checkComplete() {
        synchronized (this) {
            if (done.isDone() || !counter.complete()) {
                return;
            }
            for (PositionalWriter w : writers.values()) {
                if (!w.idle()) {
                    return;
                }
            }
        }
        done.complete(bytes.get());
    }

    private void fail(IOException cause) {
        if (cause instanceof AllocationExceeded) {
            done.completeExceptionally(new FtpException(552, "Transfer aborted: " + cause.getMessage()));
        } else if (cause instanceof BlockException) {
            done.completeExceptionally(new FtpException(426, "Transfer aborted: bad MODE E stream: " + cause.getMessage()));
        } else {
            done.completeExceptionally(cause);
        }
    }

    @Override
    public void discard() {
        // the runner aborts the upload, which closes the file
    }

    /** A block reaches beyond what ALLO announced: 552. */
    static final class AllocationExceeded extends BlockException {
        AllocationExceeded(String message) {
            super(message);
        }
    }
}
