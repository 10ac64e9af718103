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

    /** For downloads and listings: inbound bytes are dropped, the close is noticed by the write. */
    DataSink IGNORE = new DataSink() {
        @Override public void data(Channel channel, ByteBuf buf) { buf.release(); }
        @Override public void end(Channel channel) {}
        @Override public void failed(Channel channel, Throwable cause) { channel.close(); }
    };
}
