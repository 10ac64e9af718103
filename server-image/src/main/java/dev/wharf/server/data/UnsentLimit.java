package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a sending data connection's queue of not-yet-sent bytes short (TCP_NOTSENT_LOWAT). Left alone,
 * one sendfile fills megabytes of send buffer, and the refills come in large, late steps that leave the
 * reader's queue empty in between; with 64 KiB the event loop tops the queue up in small steps. Bytes
 * in flight are not limited, so a long round trip keeps its window. On loopback (docs/performance.md):
 * a 2 GiB curl download went from 0.71-0.86x to 1.29-1.38x vsftpd, 100 concurrent clients from
 * 1.16-1.21x to 1.50-1.52x, a MODE E -p 4 download from 1.05-1.12x to 1.46-1.82x globus-gridftp-server,
 * each at less CPU.
 */
public final class UnsentLimit {

    private static final Logger LOG = LoggerFactory.getLogger(UnsentLimit.class);

    static final long BYTES = 64 * 1024;

    private UnsentLimit() {}

    /** Linux only (the epoll transport); a kernel without the option keeps its default. */
    public static void apply(Channel channel) {
        if (channel instanceof EpollSocketChannel) {
            try {
                channel.config().setOption(EpollChannelOption.TCP_NOTSENT_LOWAT, BYTES);
            } catch (ChannelException e) {
                LOG.debug("TCP_NOTSENT_LOWAT not set: {}", e.toString());
            }
        }
    }
}
