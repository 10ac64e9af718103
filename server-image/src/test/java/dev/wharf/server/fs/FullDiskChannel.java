package dev.wharf.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that accepts {@code capacity} bytes and then fails the way the kernel does when the
 * disk is full (ENOSPC, which the JDK reports as "No space left on device"). Used instead of a small
 * tmpfs, which tests cannot mount without privileges.
 */
public final class FullDiskChannel extends FileChannel {

    private final FileChannel delegate;
    private final long capacity;
    private final Runnable beforeWrite;

    public FullDiskChannel(FileChannel delegate, long capacity) {
        this(delegate, capacity, () -> { });
    }

    private FullDiskChannel(FileChannel delegate, long capacity, Runnable beforeWrite) {
        this.delegate = delegate;
        this.capacity = capacity;
        this.beforeWrite = beforeWrite;
    }

    public static FileChannelOpener opener(long capacity) {
        return opener(capacity, () -> { });
    }

    /** Like {@link #opener(long)}; each write first runs {@code beforeWrite} (a test may hold writes there). */
    public static FileChannelOpener opener(long capacity, Runnable beforeWrite) {
        return (path, options) -> new FullDiskChannel(FileChannel.open(path, options), capacity, beforeWrite);
    }

    private void room(long position, int length) throws IOException {
        beforeWrite.run();
        if (position + length > capacity) {
            throw new IOException("No space left on device");
        }
    }

    @Override public int write(ByteBuffer src) throws IOException {
        room(delegate.position(), src.remaining());
        return delegate.write(src);
    }
    @Override public int write(ByteBuffer src, long position) throws IOException {
        room(position, src.remaining());
        return delegate.write(src, position);
    }
    @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }
    @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        room(position, (int) Math.min(count, Integer.MAX_VALUE));
        return delegate.transferFrom(src, position, count);
    }
    @Override public int read(ByteBuffer dst) throws IOException { return delegate.read(dst); }
    @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return delegate.read(dsts, offset, length); }
    @Override public int read(ByteBuffer dst, long position) throws IOException { return delegate.read(dst, position); }
    @Override public long position() throws IOException { return delegate.position(); }
    @Override public FileChannel position(long newPosition) throws IOException { delegate.position(newPosition); return this; }
    @Override public long size() throws IOException { return delegate.size(); }
    @Override public FileChannel truncate(long size) throws IOException { delegate.truncate(size); return this; }
    @Override public void force(boolean metaData) throws IOException { delegate.force(metaData); }
    @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return delegate.transferTo(position, count, target); }
    @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { return delegate.map(mode, position, size); }
    @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return delegate.lock(position, size, shared); }
    @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return delegate.tryLock(position, size, shared); }
    @Override protected void implCloseChannel() throws IOException { delegate.close(); }
}
