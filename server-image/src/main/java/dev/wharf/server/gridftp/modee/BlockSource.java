package dev.wharf.server.gridftp.modee;

import dev.wharf.server.data.DataPipeline;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.channels.FileChannel;

/** What a {@link BlockSender} sends: a file (RETR, ERET) or a rendered listing (MLSD, LIST, NLST in MODE E). */
interface BlockSource {

    /** The payload of the block at {@code [position, position+length)}, as a message for {@code channel}. */
    Object payload(Channel channel, long position, long length) throws IOException;

    /** Releases the file or buffer once every block is written (or the transfer failed). */
    void close();

    /** A file: a region per block (sendfile), read into a buffer only when a protection transforms bytes. */
    static BlockSource file(FileChannel file) {
        return new BlockSource() {
            @Override
            public Object payload(Channel channel, long position, long length) throws IOException {
                if (!DataPipeline.isTls(channel)) {
                    return new SharedFileRegion(file, position, length);
                }
                ByteBuf buf = channel.alloc().directBuffer((int) length);
                try {
                    while (buf.writerIndex() < length) {
                        int n = buf.writeBytes(file, position + buf.writerIndex(), (int) length - buf.writerIndex());
                        if (n < 0) {
                            throw new IOException("file shrank during the transfer");
                        }
                    }
                    return buf;
                } catch (IOException | RuntimeException e) {
                    buf.release();
                    throw e;
                }
            }

            @Override
            public void close() {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // read-only
                }
            }
        };
    }

    /** A buffer (a listing): slices of it. */
    static BlockSource buffer(ByteBuf content) {
        return new BlockSource() {
            @Override
            public Object payload(Channel channel, long position, long length) {
                return content.retainedSlice(content.readerIndex() + (int) position, (int) length);
            }

            @Override
            public void close() {
                if (content.refCnt() > 0) {
                    content.release();
                }
            }
        };
    }
}
