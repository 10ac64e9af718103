package dev.wharf.server;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.acl.owner.OwnerStore;
import dev.wharf.server.admin.StatusSections;
import dev.wharf.server.auth.LoginService;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.ServerMetrics;
import dev.wharf.server.tls.ServerTls;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ExecutorService;

/**
 * What every door shares: configuration, logins, the access policy, metrics, TLS, and the threads.
 * Storage, ACL and auth work never runs on {@code ioGroup}; doors hand it to {@code blockingExecutor}
 * (per session in order) and write the reply back on the channel's event loop.
 * Built once by {@code WharfServer}; tests build theirs with {@code TestContexts} (src/test).
 *
 * @param tls the server certificate and the TLS 1.2+ {@code SslContext} for every TLS door and data channel
 * @param status sections of the admin endpoint's {@code /status} page; components add their own
 * @param acceptGroup accepts connections on every door
 * @param ioGroup network I/O of control and data channels (pinned near the NIC when a plan says so)
 * @param blockingExecutor storage, checksum and authentication work (pinned near the disk)
 */
public record ServerContext(
        ConfigFile config,
        LoginService logins,
        AccessPolicy access,
        ServerMetrics metrics,
        ServerTls tls,
        StatusSections status,
        Transport transport,
        EventLoopGroup acceptGroup,
        EventLoopGroup ioGroup,
        ExecutorService blockingExecutor) {

    /** Where sessions record and read who created each entry: the access policy's store. */
    public OwnerStore owners() {
        return access.owners();
    }
}
