package dev.wharf.server;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.auth.LoginService;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.ServerMetrics;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ExecutorService;

/**
 * What every door shares: configuration, logins, the access policy, metrics, and the threads.
 * Storage, ACL and auth work never runs on {@code ioGroup}; doors hand it to {@code blockingExecutor}
 * (per session in order) and write the reply back on the channel's event loop.
 *
 * @param acceptGroup accepts connections on every door
 * @param ioGroup network I/O of control and data channels (pinned near the NIC when a plan says so)
 * @param blockingExecutor storage, checksum and authentication work (pinned near the disk)
 */
public record ServerContext(
        ConfigFile config,
        LoginService logins,
        AccessPolicy access,
        ServerMetrics metrics,
        Transport transport,
        EventLoopGroup acceptGroup,
        EventLoopGroup ioGroup,
        ExecutorService blockingExecutor) {}
