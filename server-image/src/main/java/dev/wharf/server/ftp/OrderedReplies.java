package dev.wharf.server.ftp;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way replies reach the control channel, in the order they were made. Replies are made on the
 * session's executor, on the data channel's loop (a transfer's end) or inline on the control loop; a
 * write from another thread becomes a task on the control loop, and the loop runs its tasks in order. A
 * reply made on the loop itself may be written at once only when no earlier reply is still waiting in
 * that queue, or it would overtake it (issue 14 §4: a pipelined {@code SYST} answered before the
 * {@code 530} of the {@code LIST} in front of it). Work that must happen on the loop together with a
 * reply (AUTH's TLS upgrade) is queued the same way.
 */
final class OrderedReplies {

    private final ChannelHandlerContext ctx;
    private final AtomicInteger queued = new AtomicInteger();

    OrderedReplies(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    void send(Object reply) {
        onLoop(() -> ctx.writeAndFlush(reply));
    }

    /** Sends {@code reply}, then closes the control connection. */
    void sendAndClose(Object reply) {
        onLoop(() -> ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE));
    }

    /** Runs {@code action} on the control loop after every reply made before it. */
    void onLoop(Runnable action) {
        if (ctx.executor().inEventLoop() && queued.get() == 0) {
            action.run();
            return;
        }
        queued.incrementAndGet();
        ctx.executor().execute(() -> {
            queued.decrementAndGet();
            action.run();
        });
    }

}
