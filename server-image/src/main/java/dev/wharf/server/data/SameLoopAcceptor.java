package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;

/**
 * On a passive listener's own channel, ahead of Netty's acceptor: registers the accepted data connection
 * on the listener's event loop (the control connection's) instead of the group's next one, with the
 * options {@link DataChannelFactory} gives every data connection. Connections of a listener that
 * accepts every connection (MODE E streams) go on to Netty's acceptor, which spreads them over the group.
 */
final class SameLoopAcceptor extends ChannelInboundHandlerAdapter {

    private final PassiveListener listener;
    private final EventLoop home;
    private final int socketBuffer;

    SameLoopAcceptor(PassiveListener listener, EventLoop home, int socketBuffer) {
        this.listener = listener;
        this.home = home;
        this.socketBuffer = socketBuffer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Channel child) || listener.acceptsEvery()) {
            ctx.fireChannelRead(msg);
            return;
        }
        child.config().setAutoRead(false);
        child.config().setOption(ChannelOption.TCP_NODELAY, true);
        if (socketBuffer > 0) {
            child.config().setOption(ChannelOption.SO_RCVBUF, socketBuffer);
            child.config().setOption(ChannelOption.SO_SNDBUF, socketBuffer);
        }
        child.pipeline().addLast(listener.new Gate());
        home.register(child).addListener(f -> {
            if (!f.isSuccess()) {
                child.unsafe().closeForcibly();
            }
        });
    }
}
