package dev.wharf.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.stream.ChunkedInput;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads a file region. Plain binary: one {@link DefaultFileRegion} (sendfile with the epoll
 * transport, no copy through user space). Over TLS the bytes must pass through the cipher, so
 * {@link ChunkedNioFile} feeds the SslHandler; TYPE A converts LF to CRLF chunk by chunk.
 */
public final class FileSender implements StreamTransfer {

    static final int CHUNK = 256 * 1024;

    private final FileChannel file;
    private final long offset;
    private final long length;
    private final boolean ascii;

    public FileSender(FileChannel file, long offset, long length, boolean ascii) {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.ascii = ascii;
    }

    @Override
    public CompletableFuture<Long> run(Channel channel, AtomicLong progress) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        DownloadSink sink = new DownloadSink();
        ChannelProgressivePromise promise = channel.newProgressivePromise();
        promise.addListener(new ChannelProgressiveFutureListener() {
            @Override
            public void operationProgressed(ChannelProgressiveFuture f, long current, long total) {
                progress.set(current);
            }

            @Override
            public void operationComplete(ChannelProgressiveFuture f) {
                if (f.isSuccess()) {
                    if (!ascii) {
                        progress.set(length);
                    }
                    // Close (TLS: close_notify first) before the caller sends 226.
                    channel.close().addListener(c -> done.complete(progress.get()));
                } else {
                    channel.close();
                    done.completeExceptionally(sink.cause(f.cause()));
                }
            }
        });
        // the sink before the write (both run in order on the loop): a failure that came first, such as a
        // refused DCAU peer, then names the transfer's cause instead of the closed channel it left
        DataPipeline.start(channel, sink);
        try {
            Object message;
            if (ascii) {
                message = new AsciiInput(new ChunkedNioFile(file, offset, length, CHUNK));
            } else if (DataPipeline.isTls(channel)) {
                message = new ChunkedNioFile(file, offset, length, CHUNK);
            } else {
                message = new DefaultFileRegion(file, offset, length);
                UnsentLimit.apply(channel);
            }
            channel.eventLoop().execute(() -> channel.writeAndFlush(message, promise));
        } catch (IOException e) {
            discard();
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void discard() {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    /** LF to CRLF over chunks of a file. */
    private static final class AsciiInput implements ChunkedInput<ByteBuf> {
        private final ChunkedNioFile in;
        private long produced;

        AsciiInput(ChunkedNioFile in) {
            this.in = in;
        }

        @Override public boolean isEndOfInput() throws Exception { return in.isEndOfInput(); }
        @Override public void close() throws Exception { in.close(); }
        @Override @Deprecated public ByteBuf readChunk(io.netty.channel.ChannelHandlerContext ctx) throws Exception {
            return readChunk(ctx.alloc());
        }
        @Override public ByteBuf readChunk(ByteBufAllocator alloc) throws Exception {
            ByteBuf raw = in.readChunk(alloc);
            if (raw == null) {
                return null;
            }
            try {
                ByteBuf converted = Ascii.toNetwork(raw, alloc);
                produced += converted.readableBytes();
                return converted;
            } finally {
                raw.release();
            }
        }
        @Override public long length() { return -1; }
        @Override public long progress() { return produced; }
    }
}
