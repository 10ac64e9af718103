package dev.wharf.server.data;

import dev.wharf.server.fs.Upload;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives a clear binary MODE S upload with {@code splice(2)} ({@code transfer.splice-uploads}): one copy
 * per byte (the kernel moves socket pages into the page cache) instead of two (socket to the server's
 * buffer, buffer to the page cache). The first {@link #SPLICE_AFTER_BYTES} are read and written as
 * {@link FileReceiver} does; then the channel leaves its event loop (so Netty never reads from it again, not
 * even at the peer's half-close) and a {@link SpliceLoop} on a thread of its own takes the rest.
 * The future completes like {@link FileReceiver}'s: with the byte count after the data connection closed,
 * or exceptionally (an I/O error, a full disk), so the runner's replies and upload verdict stay the same.
 * Without the epoll transport, or with anything transforming the bytes in the pipeline, it is a
 * {@link FileReceiver}.
 */
public final class SpliceReceiver implements StreamTransfer {

    private final Upload upload;

    public SpliceReceiver(Upload upload) {
        this.upload = upload;
    }

    /** Whether an upload can take this path: a real file, binary, nothing between the socket and the file. */
    public static boolean suits(Upload upload, boolean ascii, DataProtection protection) {
        return upload.descriptor() >= 0 && !ascii && protection == DataProtection.CLEAR;
    }

    @Override
    public CompletableFuture<Long> run(Channel channel, AtomicLong progress) {
        if (!(channel instanceof EpollSocketChannel epoll) || DataPipeline.isTls(channel)) {
            return new FileReceiver(upload.channel(), upload.start(), false).run(channel, progress);
        }
        Handoff handoff = new Handoff(epoll, progress);
        LargeReads.apply(channel);
        DataPipeline.start(channel, handoff);
        return handoff.done;
    }

    /**
     * Uploads start as {@link FileReceiver} runs them; only one that reaches this size gets the splice thread,
     * so small files never pay for a thread, a pipe and two duplicated descriptors.
     */
    static final long SPLICE_AFTER_BYTES = 1024 * 1024;

    /** Writes what Netty reads before the hand-off, then hands the descriptors to a {@link SpliceLoop}. */
    private final class Handoff implements DataSink {
        final CompletableFuture<Long> done = new CompletableFuture<>();
        private final EpollSocketChannel channel;
        private final AtomicLong progress;
        private long position = upload.start();
        private long received;
        private boolean handedOff;
        private boolean leaving;

        Handoff(EpollSocketChannel channel, AtomicLong progress) {
            this.channel = channel;
            this.progress = progress;
        }

        @Override
        public void data(Channel ch, ByteBuf buf) {
            try {
                if (done.isDone() || handedOff) {
                    return;
                }
                received += buf.readableBytes();
                while (buf.isReadable()) {
                    position += buf.readBytes(upload.channel(), position, buf.readableBytes());
                }
                progress.set(received);
                if (received >= SPLICE_AFTER_BYTES && !leaving) {
                    leaving = true;
                    leaveEventLoop();
                }
            } catch (IOException e) {
                done.completeExceptionally(e);
                ch.close();
            } finally {
                buf.release();
            }
        }

        @Override
        public void end(Channel ch) {
            if (!handedOff) {
                done.complete(position - upload.start());
            }
        }

        @Override
        public void failed(Channel ch, Throwable cause) {
            if (!handedOff && done.completeExceptionally(cause)) {
                ch.close();
            }
        }

        /**
         * On the event loop. Deregistration happens a little later; until then Netty may still read (and this
         * sink writes) or see the end, which finishes the upload here.
         */
        private void leaveEventLoop() {
            if (done.isDone()) {
                return;
            }
            channel.deregister().addListener(f -> {
                if (done.isDone()) {
                    return;
                }
                if (!f.isSuccess()) {
                    done.completeExceptionally(f.cause());
                    channel.close();
                } else if (!channel.isOpen()) {
                    done.complete(position - upload.start());
                } else {
                    startLoop();
                }
            });
        }

        private void startLoop() {
            int socket = -1;
            SpliceLoop loop;
            try {
                socket = SpliceCalls.dup(channel.fd().intValue()); // open: closing it would run on this loop
                loop = new SpliceLoop(socket, SpliceCalls.dup(upload.descriptor()), upload.start(), position, received,
                        progress);
            } catch (IOException e) {
                SpliceCalls.closeQuietly(socket);
                done.completeExceptionally(e);
                channel.close();
                return;
            }
            handedOff = true;
            channel.closeFuture().addListener(f -> loop.stop());
            // a deregistered channel is no longer closed by its loop's shutdown, nor can a close run there after it
            GenericFutureListener<Future<Object>> shutdown = f -> loop.stop();
            Future<?> terminated = channel.eventLoop().terminationFuture();
            terminated.addListener(shutdown);
            loop.finished().whenComplete((bytes, error) -> terminated.removeListener(shutdown));
            loop.finished().whenComplete((bytes, error) -> channel.close().addListener(f -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    done.complete(bytes);
                }
            }));
            Thread thread = new Thread(loop, "splice-upload");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
