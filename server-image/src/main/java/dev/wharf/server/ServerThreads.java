package dev.wharf.server;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.admin.StatusSections;
import dev.wharf.server.auth.LoginService;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.ServerMetrics;
import dev.wharf.server.tls.ServerTls;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * How many threads of each kind the server runs and which factory makes them. This is the seam for
 * CPU placement: the thread plan (topology) supplies pinning factories for {@code net} (I/O event
 * loops), {@code disk} (the blocking executor) and {@code control} (accept loops); without one, threads
 * are plain named daemon threads and the kernel places them.
 *
 * @param ioThreads event loops of control and data channels
 */
public record ServerThreads(Transport transport, int ioThreads, ThreadFactory net, ThreadFactory disk,
                            ThreadFactory control) {

    public static ServerThreads fromConfig(ConfigFile config) {
        return unpinned(Transport.best(), Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public static ServerThreads unpinned(Transport transport, int ioThreads) {
        return new ServerThreads(transport, ioThreads, new DefaultThreadFactory("wharf-net", true),
                new DefaultThreadFactory("wharf-disk", true), new DefaultThreadFactory("wharf-control", true));
    }

    /** The shared context with freshly made groups and executor. */
    ServerContext context(ConfigFile config, LoginService logins, AccessPolicy access, ServerMetrics metrics,
                          ServerTls tls, StatusSections status) {
        return new ServerContext(config, logins, access, metrics, tls, status, transport,
                transport.newGroup(1, control), transport.newGroup(ioThreads, net),
                Executors.newCachedThreadPool(disk));
    }

    static void shutdown(ServerContext context) {
        context.acceptGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        context.ioGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        context.blockingExecutor().shutdownNow();
    }
}
