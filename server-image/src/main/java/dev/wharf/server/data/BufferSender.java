package dev.wharf.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Sends a prepared buffer (a listing) and closes the data connection. */
public final class BufferSender implements StreamTransfer {

    private final ByteBuf content;

    public BufferSender(ByteBuf content) {
        this.content = content;
    }

    @Override
    public CompletableFuture<Long> run(Channel channel, AtomicLong progress) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long size = content.readableBytes();
        DownloadSink sink = new DownloadSink();
        DataPipeline.start(channel, sink); // before the write, as in FileSender
        channel.eventLoop().execute(() -> channel.writeAndFlush(content).addListener(f -> {
            if (f.isSuccess()) {
                progress.set(size);
                channel.close().addListener(c -> done.complete(size));
            } else {
                channel.close();
                done.completeExceptionally(sink.cause(f.cause()));
            }
        }));
        return done;
    }

    @Override
    public void discard() {
        if (content.refCnt() > 0) {
            content.release();
        }
    }
}
