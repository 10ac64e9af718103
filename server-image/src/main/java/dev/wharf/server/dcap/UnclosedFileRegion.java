package dev.wharf.server.dcap;

import io.netty.channel.DefaultFileRegion;
import java.nio.channels.FileChannel;

/**
 * A zero-copy region of a file the mover keeps open for many READ requests. Netty's region closes
 * its file when released; this one leaves that to the mover. It stays a DefaultFileRegion so the
 * epoll transport still uses sendfile(2).
 */
final class UnclosedFileRegion extends DefaultFileRegion {

    UnclosedFileRegion(FileChannel file, long position, long count) {
        super(file, position, count);
    }

    @Override
    protected void deallocate() {
        // the mover owns the file channel
    }
}
