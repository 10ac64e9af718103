package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * Prepares a connected data channel for a transfer: the server is always the TLS server on data
 * connections (PROT P), also in active mode where it opened the TCP connection, as curl, lftp and
 * FileZilla expect. Stage names are constants so transfers can find the stages.
 */
public final class DataPipeline {

    public static final String TLS = "data-tls";
    public static final String CHUNKED = "data-chunked";
    public static final String TRANSFER = "data-transfer";

    private DataPipeline() {}

    /** Adds TLS (when {@code tls} is not null) and chunked writing. Call on any thread before reading. */
    public static void prepare(Channel channel, SslContext tls) {
        if (tls != null) {
            SslHandler ssl = tls.newHandler(channel.alloc());
            channel.pipeline().addLast(TLS, ssl);
        }
        channel.pipeline().addLast(CHUNKED, new ChunkedWriteHandler());
    }

    public static boolean isTls(Channel channel) {
        return channel.pipeline().get(TLS) != null;
    }
}
