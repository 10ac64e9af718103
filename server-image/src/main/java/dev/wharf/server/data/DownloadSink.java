package dev.wharf.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * The sink of a download or listing: inbound bytes are dropped and the close is noticed by the write.
 * A failure of the channel closes it and is kept, because it says why the write then failed better than
 * the write's own "closed channel": a DCAU peer refused during the TLS handshake may have ended the
 * connection before the transfer's first write. Event loop only.
 */
final class DownloadSink implements DataSink {

    private Throwable failure;

    @Override
    public void data(Channel channel, ByteBuf buf) {
        buf.release();
    }

    @Override
    public void end(Channel channel) {
        // the write notices
    }

    @Override
    public void failed(Channel channel, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        channel.close();
    }

    /** Why a write failed: the channel's own failure when it had one, else {@code writeFailure}. */
    Throwable cause(Throwable writeFailure) {
        return failure != null ? failure : writeFailure;
    }
}
