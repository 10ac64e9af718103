package dev.wharf.server.gridftp.modee;

import io.netty.channel.DefaultFileRegion;
import java.nio.channels.FileChannel;

/**
 * A {@link DefaultFileRegion} (so the epoll transport still uses sendfile) over a file channel that
 * many regions share: one block each, on several streams. Releasing a region leaves the file open;
 * the transfer closes it once.
 */
final class SharedFileRegion extends DefaultFileRegion {

    SharedFileRegion(FileChannel file, long position, long count) {
        super(file, position, count);
    }

    @Override
    protected void deallocate() {
        // the file belongs to the transfer, not to this block
    }
}
