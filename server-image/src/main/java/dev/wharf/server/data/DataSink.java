package dev.wharf.server.data;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/** Where a transfer takes a data channel's inbound bytes and its end. Called on the channel's event loop. */
public interface DataSink {

    /** A buffer of received data; the sink releases it. */
    void data(Channel channel, ByteBuf buf);

    /** The peer closed the connection (end of a MODE S stream). */
    void end(Channel channel);

    void failed(Channel channel, Throwable cause);
}
