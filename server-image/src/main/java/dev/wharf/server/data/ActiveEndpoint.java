package dev.wharf.server.data;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** PORT/EPRT: the server connects to the client when the transfer starts. */
public final class ActiveEndpoint implements DataEndpoint {

    private final Bootstrap bootstrap;
    private final InetSocketAddress target;
    private final InetSocketAddress local;
    private CompletableFuture<Channel> connection;

    ActiveEndpoint(Bootstrap bootstrap, InetSocketAddress target, InetSocketAddress local) {
        this.bootstrap = bootstrap;
        this.target = target;
        this.local = local;
    }

    /** Where PORT/EPRT said to connect (GridFTP MODE E opens several connections there). */
    public InetSocketAddress target() {
        return target;
    }

    @Override
    public synchronized CompletableFuture<Channel> connection() {
        if (connection == null) {
            connection = new CompletableFuture<>();
            ChannelFuture f = local == null ? bootstrap.connect(target) : bootstrap.connect(target, local);
            CompletableFuture<Channel> result = connection;
            f.addListener(done -> {
                if (done.isSuccess()) {
                    if (!result.complete(f.channel())) {
                        f.channel().close();
                    }
                } else {
                    result.completeExceptionally(done.cause());
                }
            });
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        if (connection != null && !connection.completeExceptionally(new java.io.IOException("closed"))) {
            Channel ch = connection.getNow(null);
            if (ch != null) {
                ch.close();
                DataPipeline.discard(ch);
            }
        }
    }

    @Override
    public String toString() {
        return "active " + target;
    }
}
