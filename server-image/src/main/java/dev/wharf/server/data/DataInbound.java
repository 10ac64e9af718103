package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The inbound end of every data channel, installed the moment it connects. Auto-read is off until a
 * transfer starts, but the epoll transport still reads when the peer half-closes: a fast client can
 * connect, send a small upload and close before the STOR is even processed, and Netty then empties
 * the closed channel's pipeline. So what arrives is kept here, outside the pipeline's life, and
 * handed to the transfer's {@link DataSink} in order, with the close, once it attaches.
 */
final class DataInbound extends ChannelInboundHandlerAdapter {

    private final Queue<Object> held = new ArrayDeque<>();
    private boolean ended;
    private Throwable failure;
    private DataSink sink;
    private Channel channel;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof io.netty.buffer.ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
        } else if (sink != null) {
            sink.data(channel, buf);
        } else {
            held.add(buf);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended = true;
        if (sink != null) {
            sink.end(channel);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (sink != null) {
            sink.failed(channel, cause);
        } else if (failure == null) {
            failure = cause;
        }
    }

    /** On the event loop: gives the sink what arrived so far, then everything that follows. */
    void attach(DataSink newSink) {
        sink = newSink;
        Object msg;
        while ((msg = held.poll()) != null) {
            sink.data(channel, (io.netty.buffer.ByteBuf) msg);
        }
        if (failure != null) {
            sink.failed(channel, failure);
        } else if (ended) {
            sink.end(channel);
        }
    }

    /** Drops held data of a connection no transfer took. */
    void discard() {
        Object msg;
        while ((msg = held.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
