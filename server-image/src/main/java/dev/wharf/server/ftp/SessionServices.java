package dev.wharf.server.ftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.data.DataChannelFactory;
import dev.wharf.server.fs.FileChannelOpener;
import io.netty.handler.ssl.SslContext;

/**
 * What one door shares with all its sessions: the server context, its settings, the command table,
 * the data channel factory, the TLS context (null when the door has none) and how upload files are
 * opened (a seam for disk-full tests).
 */
public record SessionServices(ServerContext context, FtpSettings settings, CommandTable commands,
                              DataChannelFactory dataChannels, SslContext tls, FileChannelOpener opener) {

    public String door() {
        return settings.door();
    }
}
