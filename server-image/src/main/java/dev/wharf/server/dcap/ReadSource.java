package dev.wharf.server.dcap;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What a mover's READ requests are served from: a file (zero-copy regions, sendfile) or, for
 * {@code opendir}, the listing rendered in memory.
 */
interface ReadSource {

    long size() throws IOException;

    /** A message that writes {@code count} bytes at {@code offset} to a Netty channel. */
    Object slice(long offset, int count);

    /** Releases the source; a file owned by an upload (open mode rw) is left to the upload. */
    void close() throws IOException;

    static ReadSource of(FileChannel file, boolean owned) {
        return new ReadSource() {
            @Override
            public long size() throws IOException {
                return file.size();
            }

            @Override
            public Object slice(long offset, int count) {
                return new UnclosedFileRegion(file, offset, count);
            }

            @Override
            public void close() throws IOException {
                if (owned) {
                    file.close();
                }
            }
        };
    }

    static ReadSource of(byte[] bytes) {
        return new ReadSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public Object slice(long offset, int count) {
                return Unpooled.wrappedBuffer(bytes, (int) offset, count);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
