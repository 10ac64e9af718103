package dev.wharf.server.data;

import dev.wharf.server.tls.TlsPolicy;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * What sits between a data connection's socket and its transfer: nothing (clear), TLS for FTPS PROT P,
 * or a GSI security context for GridFTP DCAU. Installed once on every data channel a transfer uses (each
 * MODE E stream gets its own and authenticates on its own), before {@link DataPipeline#start}.
 *
 * <p>Handlers go in front of {@link DataPipeline#INBOUND}. A protection that transforms the payload names its
 * handler {@link DataPipeline#TLS} so senders pass bytes instead of file regions. When the peer is refused,
 * the handler fires a {@link DataAuthenticationException} and then closes the channel, so a transfer never
 * mistakes a refused connection for the end of an upload. A protection first {@linkplain DataPipeline#guard
 * guards} the channel: then no byte that did not come through its completed handshake reaches a transfer. Whether the server connected (active) or accepted
 * (passive) the channel is {@code channel.parent() == null}: GSI data channels depend on it.
 */
@FunctionalInterface
public interface DataProtection {

    /** Fired by a protection's own handler once its handshake succeeded, before any data it passes on. */
    enum Event { ESTABLISHED }

    /** Plain TCP. */
    DataProtection CLEAR = channel -> {};

    /** Adds this protection's handlers to a new data channel; any thread, before the transfer starts. */
    void install(Channel channel);

    /** FTPS (RFC 4217): TLS with the server as TLS server in both directions, as curl, lftp and FileZilla expect. */
    static DataProtection tls(SslContext context) {
        return channel -> {
            DataPipeline.guard(channel);
            SslHandler ssl = context.newHandler(channel.alloc());
            ssl.engine().setEnabledProtocols(TlsPolicy.DATA_CHANNEL_PROTOCOLS.toArray(String[]::new));
            DataPipeline.addProtection(channel, DataPipeline.TLS, ssl);
        };
    }
}
