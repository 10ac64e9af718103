package dev.wharf.server.data;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;

/**
 * The data channel pipeline every door shares: the {@link DataProtection}'s handlers ({@code data-tls} for
 * FTPS PROT P and GridFTP PROT S/P) → {@code data-inbound} ({@link DataInbound}, from the moment of
 * connection) → {@code data-chunked} (ChunkedInput writes).
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

    /**
     * Marks {@code channel} as protected: only data that arrived after its protection's handshake succeeded
     * reaches the transfer, and a close before that handshake fails it. Any thread; call before adding the
     * protection's handlers, also when the channel is already closed.
     */
    public static void guard(Channel channel) {
        DataInbound inbound = channel.attr(INBOUND_KEY).get();
        if (inbound != null) {
            inbound.guard();
        }
    }

    /** Puts a protection's handler in front of {@code data-inbound}; nothing to do once the channel closed. */
    public static void addProtection(Channel channel, String name, io.netty.channel.ChannelHandler handler) {
        try {
            channel.pipeline().addBefore(INBOUND, name, handler);
        } catch (java.util.NoSuchElementException closed) {
            // the close emptied the pipeline; the guard fails the transfer
        }
    }

    /** Adds {@code protection}'s handlers and chunked writing. Call on any thread before {@link #start}. */
    public static void prepare(Channel channel, DataProtection protection) {
        protection.install(channel);
        channel.pipeline().addLast(CHUNKED, new ChunkedWriteHandler());
    }

    /** FTPS shorthand: TLS when {@code tls} is not null, else clear. */
    public static void prepare(Channel channel, SslContext tls) {
        prepare(channel, tls == null ? DataProtection.CLEAR : DataProtection.tls(tls));
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
        // a session closed by a server shutdown comes here after its event loop stopped: the held
        // buffers die with the loop's allocator then, and execute() would only throw
        if (inbound != null && !channel.eventLoop().isShuttingDown()) {
            channel.eventLoop().execute(inbound::discard);
        }
    }

    public static boolean isTls(Channel channel) {
        return channel.pipeline().get(TLS) != null;
    }
}
