package dev.wharf.server.dcap;

import dev.wharf.server.data.DataPipeline;
import dev.wharf.server.data.DataSink;
import dev.wharf.server.fs.Upload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "pool" side of one open file: serves the binary data channel (docs/dcap.md "Data channel").
 * Runs on the data channel's event loop; reads go out as zero-copy file regions, written blocks go
 * to the file through an {@link UploadWriter} as they arrive. A read-write open ({@code rw}) reads
 * back from the upload's temporary. Exactly one outcome is reported to the control session: null for
 * success (after CLOSE and, for writes, the commit), or the failure.
 */
final class DcapMover implements DataSink, DataBlockDecoder.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(DcapMover.class);
    private final long sessionId;
    private final String challenge;
    /** The read side, or null for a write-only open. */
    private final MoverReads reads;
    /** The write side, or null for a read-only open. */
    private final MoverWrites writes;
    private final Consumer<DcapFailure> outcome;
    private Channel channel;
    private DataBlockDecoder decoder;
    private long position;
    private long size;
    private boolean finished;
    private boolean endsWhenClosed;
    /** CLOSE arrived: the outcome is on its way (an upload's checksum may still be being computed). */
    private boolean closeRequested;
    private long transferred;

    /**
     * @param challenge the token the client must present first (client-connects mode), or null when
     *                  the server connected to the client
     * @param reading what a read open (or opendir) serves, or null
     * @param upload the upload of a write open, or null
     * @param readBack whether the client may also read what it wrote (open mode {@code rw})
     * @param blocking runs the commit and the removal of an upload's temporary
     */
    DcapMover(long sessionId, String challenge, ReadSource reading, Upload upload, boolean readBack,
              Executor blocking, Consumer<DcapFailure> outcome) throws IOException {
        this.sessionId = sessionId;
        this.challenge = challenge;
        ReadSource source = readBack && upload != null ? ReadSource.of(upload.channel(), false) : reading;
        this.reads = source == null ? null : new MoverReads(source);
        this.writes = upload == null ? null : new MoverWrites(upload, blocking);
        this.outcome = outcome;
        this.size = reading != null ? reading.size() : 0;
    }

    /** Takes over a connected data channel (auto-read off, from the data package). */
    void start(Channel ch) {
        channel = ch;
        decoder = new DataBlockDecoder(this, challenge != null, ch.alloc());
        ch.closeFuture().addListener(f -> ch.eventLoop().execute(() -> {
            decoder.release();
            if (!finished && endsWhenClosed) {
                finish(null);
            } else if (!finished && !closeRequested) {
                abort(DcapFailure.aborted("data connection closed before CLOSE"));
            }
        }));
        if (challenge == null) {
            ch.writeAndFlush(DataReplies.callbackGreeting(ch.alloc(), sessionId));
        }
        if (writes != null) {
            writes.start(ch);
        }
        quickAck(ch);
        DataPipeline.start(ch, this);
    }

    /**
     * A listing ({@code opendir}): libdcap's {@code dc_closedir} just closes the data connection, so
     * that ends it normally instead of failing it.
     */
    void endsWhenClosed() {
        endsWhenClosed = true;
    }

    /**
     * Bounds the holes of an upload: a seek may go at most {@code bytes} beyond what the client has
     * written so far, so an anonymous client cannot commit a sparse file the size of a disk.
     */
    void limitHoles(long bytes) {
        writes.limitHoles(bytes);
    }

    /** Bytes moved so far (read or written). */
    long transferred() {
        return transferred;
    }

    boolean isUpload() {
        return writes != null;
    }

    /** The control session gave up (timeout, control connection gone). */
    void cancel(String why) {
        if (channel == null) {
            abort(DcapFailure.aborted(why));
        } else {
            channel.eventLoop().execute(() -> {
                abort(DcapFailure.aborted(why));
                channel.close();
            });
        }
    }

    // ---- DataSink: bytes from the data channel

    @Override
    public void data(Channel ch, ByteBuf buf) {
        if (finished) {
            buf.release();
            return;
        }
        if (writes != null) {
            quickAck(ch);
        }
        try {
            decoder.feed(buf);
        } catch (DcapProtocolException e) {
            LOG.info("dcap session {}: protocol violation on the data channel: {}", sessionId, e.getMessage());
            ch.writeAndFlush(DataReplies.error(alloc(), false, DataRequest.LOCATE, DataReplies.ERROR_PROTOCOL, e.getMessage()))
                    .addListener(ChannelFutureListener.CLOSE);
            abort(DcapFailure.protocol(e.getMessage()));
        }
    }

    @Override
    public void end(Channel ch) {
        ch.close();
    }

    @Override
    public void failed(Channel ch, Throwable cause) {
        LOG.debug("dcap session {}: data channel failed: {}", sessionId, cause.toString());
        ch.close();
    }

    /**
     * libdcap sends a write's small trailer right behind the data and then waits for FIN; with Nagle on
     * the client's side the trailer waits for our delayed ACK, costing milliseconds per dc_write. Linux
     * drops quick-ACK mode on its own, so uploads re-arm it on every read (epoll transport only).
     */
    private static void quickAck(Channel ch) {
        if (ch instanceof io.netty.channel.epoll.EpollSocketChannel epoll) {
            epoll.config().setTcpQuickAck(true);
        }
    }

    // ---- decoded events

    @Override
    public void greeting(long session, String token) throws DcapProtocolException {
        boolean same = session == sessionId && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            throw new DcapProtocolException("wrong session id or challenge on the data connection");
        }
    }

    @Override
    public void request(DataRequest r) throws DcapProtocolException {
        switch (r.opcode()) {
            case DataRequest.READ -> read(r.opcode(), r.count());
            case DataRequest.SEEK_AND_READ -> {
                if (seek(r)) {
                    read(r.opcode(), r.count());
                }
            }
            case DataRequest.SEEK -> {
                if (seek(r)) {
                    channel.writeAndFlush(DataReplies.ackSeek(alloc(), DataRequest.SEEK, position));
                }
            }
            case DataRequest.WRITE, DataRequest.SEEK_AND_WRITE -> startWrite(r);
            case DataRequest.LOCATE -> channel.writeAndFlush(DataReplies.ackLocate(alloc(), currentSize(), position));
            case DataRequest.READV -> readv(r);
            case DataRequest.CLOSE -> close(r);
            default -> throw new DcapProtocolException("unexpected opcode " + r.opcode());
        }
    }

    private void read(int command, long count) {
        if (reads == null) {
            channel.writeAndFlush(DataReplies.error(alloc(), false, command, DataReplies.ERROR_PROTOCOL, "file is open for writing"));
            return;
        }
        long n = reads.read(channel, command, position, count);
        position += n;
        transferred += n;
    }

    private void readv(DataRequest r) {
        if (reads == null) {
            channel.writeAndFlush(DataReplies.error(alloc(), false, r.opcode(), DataReplies.ERROR_PROTOCOL, "file is open for writing"));
            return;
        }
        transferred += reads.readv(channel, r);
    }

    /** Applies the seek part of a request; answers an error ACK and returns false when it is invalid. */
    private boolean seek(DataRequest r) {
        long base = switch (r.whence()) {
            case DataRequest.SEEK_CUR -> position;
            case DataRequest.SEEK_END -> currentSize();
            default -> 0;
        };
        long target = base + r.offset();
        boolean overflow = (r.offset() > 0 && target < base) || target < 0;
        if (overflow || (writes == null && target > currentSize())) {
            channel.writeAndFlush(DataReplies.error(alloc(), false, r.opcode(), DataReplies.ERROR_SEEK,
                    "seek to " + (overflow ? "an invalid offset" : target + " beyond the end of the file")));
            return false;
        }
        String hole = writes == null ? null : writes.holeTooLarge(target);
        if (hole != null) {
            channel.writeAndFlush(DataReplies.error(alloc(), false, r.opcode(), DataReplies.ERROR_SEEK, hole));
            return false;
        }
        position = target;
        return true;
    }

    private long currentSize() {
        if (reads != null) {
            try {
                size = reads.size();
            } catch (IOException e) {
                // keep the last known size
            }
        }
        return size;
    }

    private void startWrite(DataRequest r) {
        if (writes == null) {
            channel.writeAndFlush(DataReplies.error(alloc(), false, r.opcode(), DataReplies.ERROR_PROTOCOL, "file is open for reading"));
            return;
        }
        if (r.opcode() == DataRequest.SEEK_AND_WRITE && !seek(r)) {
            return;
        }
        writes.begin(r.opcode());
        decoder.expectData();
        channel.writeAndFlush(DataReplies.ack(alloc(), r.opcode()));
    }

    @Override
    public void data(ByteBuf chunk) {
        int n = chunk.readableBytes();
        long at = position;
        position += n;
        size = Math.max(size, position);
        transferred += n;
        writes.write(chunk, at);
    }

    @Override
    public void dataEnd() {
        writes.dataEnd(channel);
    }

    private void close(DataRequest r) {
        closeRequested = true;
        channel.writeAndFlush(DataReplies.ack(alloc(), DataRequest.CLOSE)).addListener(ChannelFutureListener.CLOSE);
        if (writes == null) {
            finish(null);
        } else {
            writes.whenChecksummed(() -> closeUpload(r));
        }
    }

    private void closeUpload(DataRequest r) {
        DcapFailure refusal = writes.refusal(r.checksum());
        if (refusal != null) {
            abort(refusal);
        } else if (!finished) {
            finished = true;
            writes.commit(size, outcome);
        }
    }

    private void finish(DcapFailure failure) {
        if (finished) {
            return;
        }
        finished = true;
        closeReading();
        outcome.accept(failure);
    }

    /** Ends the transfer without making an upload visible; the outcome is reported once the temporary is gone. */
    private void abort(DcapFailure failure) {
        if (finished) {
            return;
        }
        if (writes == null) {
            finish(failure);
            return;
        }
        finished = true;
        writes.abort(failure, outcome);
    }

    private void closeReading() {
        if (reads != null) {
            reads.close();
        }
    }

    private ByteBufAllocator alloc() {
        return channel.alloc();
    }
}
