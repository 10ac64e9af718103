package dev.wharf.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives a MODE S upload into a file channel: each buffer goes straight to the file with a
 * positional write from its NIO view (direct buffers are not copied on the heap). Writes happen on
 * the data channel's event loop: they land in the page cache, and blocking there is what makes TCP
 * push back on a fast client. The client closing the connection ends the upload; any I/O error (a
 * full disk included) fails it and closes the connection. The caller commits or aborts the file.
 */
public final class FileReceiver implements StreamTransfer {

    private final FileChannel file;
    private final long start;
    private final boolean ascii;

    public FileReceiver(FileChannel file, long start, boolean ascii) {
        this.file = file;
        this.start = start;
        this.ascii = ascii;
    }

    @Override
    public CompletableFuture<Long> run(Channel channel, AtomicLong progress) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        LargeReads.apply(channel);
        DataPipeline.start(channel, new Writer(done, progress));
        return done;
    }

    private final class Writer implements DataSink {
        private final CompletableFuture<Long> done;
        private final AtomicLong progress;
        private final Ascii.ToUnix toUnix = new Ascii.ToUnix();
        private long position = start;
        private long received;

        Writer(CompletableFuture<Long> done, AtomicLong progress) {
            this.done = done;
            this.progress = progress;
        }

        @Override
        public void data(Channel channel, ByteBuf buf) {
            try {
                if (done.isDone()) {
                    return;
                }
                received += buf.readableBytes();
                if (ascii) {
                    ByteBuf unix = toUnix.convert(buf, channel.alloc());
                    try {
                        write(unix);
                    } finally {
                        unix.release();
                    }
                } else {
                    write(buf);
                }
                progress.set(received);
            } catch (IOException e) {
                done.completeExceptionally(e);
                channel.close();
            } finally {
                buf.release();
            }
        }

        private void write(ByteBuf buf) throws IOException {
            while (buf.isReadable()) {
                position += buf.readBytes(file, position, buf.readableBytes());
            }
        }

        @Override
        public void end(Channel channel) {
            if (done.isDone()) {
                return;
            }
            try {
                if (toUnix.finish()) {
                    file.write(ByteBuffer.wrap(new byte[] {'\r'}), position);
                    position++;
                }
                done.complete(position - start);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        }

        @Override
        public void failed(Channel channel, Throwable cause) {
            done.completeExceptionally(cause);
            channel.close();
        }
    }
}
