package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/** A {@link java.nio.channels.FileChannel} over a growing byte array, for {@link MemoryStorage}. */
public final class MemoryFileChannel extends java.nio.channels.FileChannel {

    private byte[] bytes;
    private int size;
    private long position;

    public MemoryFileChannel(byte[] initial) {
        this.bytes = Arrays.copyOf(initial, Math.max(16, initial.length));
        this.size = initial.length;
    }

    /** The content written so far. */
    public synchronized byte[] content() {
        return Arrays.copyOf(bytes, size);
    }

    @Override public synchronized int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override public synchronized int read(ByteBuffer dst, long at) throws IOException {
        open();
        if (at >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - at);
        dst.put(bytes, (int) at, n);
        return n;
    }

    @Override public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override public synchronized int write(ByteBuffer src) throws IOException {
        int n = write(src, position);
        position += n;
        return n;
    }

    @Override public synchronized int write(ByteBuffer src, long at) throws IOException {
        open();
        int n = src.remaining();
        int end = Math.toIntExact(at + n);
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
        }
        src.get(bytes, (int) at, n);
        size = Math.max(size, end);
        return n;
    }

    @Override public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override public synchronized long position() {
        return position;
    }

    @Override public synchronized MemoryFileChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override public synchronized long size() {
        return size;
    }

    @Override public synchronized MemoryFileChannel truncate(long length) {
        size = (int) Math.min(size, length);
        position = Math.min(position, length);
        return this;
    }

    @Override public void force(boolean metaData) {}

    @Override public synchronized long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        if (at >= size) {
            return 0;
        }
        return target.write(ByteBuffer.wrap(bytes, (int) at, (int) Math.min(count, size - at)));
    }

    @Override public synchronized long transferFrom(ReadableByteChannel src, long at, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 1 << 16));
        int n = src.read(buffer);
        if (n <= 0) {
            return 0;
        }
        buffer.flip();
        return write(buffer, at);
    }

    @Override public MappedByteBuffer map(MapMode mode, long at, long length) {
        throw new UnsupportedOperationException("memory channels cannot be mapped");
    }

    @Override public FileLock lock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("memory channels have no locks");
    }

    @Override public FileLock tryLock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("memory channels have no locks");
    }

    @Override protected void implCloseChannel() {}

    private void open() throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }
}
