package dev.wharf.server.ftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.data.DataChannelFactory;
import io.netty.handler.ssl.SslContext;

/**
 * What one door shares with all its sessions: the server context, its settings, the command table,
 * the data channel factory and the TLS context (null when the door has none).
 */
public record SessionServices(ServerContext context, FtpSettings settings, CommandTable commands,
                              DataChannelFactory dataChannels, SslContext tls) {

    public String door() {
        return settings.door();
    }
}
