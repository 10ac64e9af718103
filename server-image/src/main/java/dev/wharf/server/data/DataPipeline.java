package dev.wharf.server.data;

import dev.wharf.server.tls.TlsPolicy;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * The data channel pipeline every door shares: {@code data-tls} (PROT P) → {@code data-inbound}
 * ({@link DataInbound}, from the moment of connection) → {@code data-chunked} (ChunkedInput writes).
 * The server is always the TLS server on data connections, also in active mode where it opened the
 * TCP connection, as curl, lftp and FileZilla expect.
 */
public final class DataPipeline {

    public static final String TLS = "data-tls";
    public static final String INBOUND = "data-inbound";
    public static final String CHUNKED = "data-chunked";

    private DataPipeline() {}

    /** First handler of every new data channel. */
    static void hold(Channel channel) {
        DataInbound inbound = new DataInbound();
        channel.attr(INBOUND_KEY).set(inbound);
        channel.pipeline().addFirst(INBOUND, inbound);
    }

    private static final io.netty.util.AttributeKey<DataInbound> INBOUND_KEY =
            io.netty.util.AttributeKey.valueOf("wharf.data-inbound");

    /** Adds TLS (when {@code tls} is not null) and chunked writing. Call on any thread before {@link #start}. */
    public static void prepare(Channel channel, SslContext tls) {
        if (tls != null && channel.isOpen()) {
            SslHandler ssl = tls.newHandler(channel.alloc());
            ssl.engine().setEnabledProtocols(TlsPolicy.DATA_CHANNEL_PROTOCOLS.toArray(String[]::new));
            channel.pipeline().addBefore(INBOUND, TLS, ssl);
        }
        channel.pipeline().addLast(CHUNKED, new ChunkedWriteHandler());
    }

    /** Hands inbound data (including what arrived early) to {@code sink} and starts reading. */
    public static void start(Channel channel, DataSink sink) {
        channel.eventLoop().execute(() -> {
            DataInbound inbound = channel.attr(INBOUND_KEY).get();
            if (inbound != null) {
                inbound.attach(sink);
            }
            channel.config().setAutoRead(true);
        });
    }

    /** Releases what a connection nobody used holds. */
    static void discard(Channel channel) {
        DataInbound inbound = channel.attr(INBOUND_KEY).get();
        if (inbound != null) {
            channel.eventLoop().execute(inbound::discard);
        }
    }

    public static boolean isTls(Channel channel) {
        return channel.pipeline().get(TLS) != null;
    }
}
