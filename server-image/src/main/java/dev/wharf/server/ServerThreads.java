package dev.wharf.server;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.admin.StatusSections;
import dev.wharf.server.auth.LoginService;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.MicrometerServerMetrics;
import dev.wharf.server.metrics.ServerMetrics;
import dev.wharf.server.privileges.Privileges;
import dev.wharf.server.tls.ServerTls;
import dev.wharf.server.topology.CpuPinning;
import dev.wharf.server.topology.Role;
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
 * @param pinning the thread plan behind the factories ({@code null}: unpinned)
 * @param privileges what start-up got from the kernel ({@code null}: not asked)
 */
public record ServerThreads(Transport transport, int ioThreads, ThreadFactory net, ThreadFactory disk,
                            ThreadFactory control, CpuPinning pinning, Privileges privileges) {

    public ServerThreads(Transport transport, int ioThreads, ThreadFactory net, ThreadFactory disk,
                         ThreadFactory control) {
        this(transport, ioThreads, net, disk, control, null, null);
    }

    /**
     * Privileges first (locked memory, limits; one WARN per missing capability), then the thread plan
     * from the topology ({@code threads.pinning}): one event loop per network CPU (docs/topology.md).
     */
    public static ServerThreads fromConfig(ConfigFile config) {
        Privileges privileges = Privileges.apply(config);
        CpuPinning pinning = CpuPinning.fromConfig(config, privileges.netNice());
        return new ServerThreads(Transport.best(), pinning.plan().suggestedThreads(Role.NET),
                pinning.threadFactory(Role.NET), pinning.threadFactory(Role.DISK), pinning.threadFactory(Role.CONTROL),
                pinning, privileges);
    }

    public static ServerThreads unpinned(Transport transport, int ioThreads) {
        return new ServerThreads(transport, ioThreads, new DefaultThreadFactory("wharf-net", true),
                new DefaultThreadFactory("wharf-disk", true), new DefaultThreadFactory("wharf-control", true));
    }

    /** The shared context with freshly made groups and executor. */
    ServerContext context(ConfigFile config, LoginService logins, AccessPolicy access, ServerMetrics metrics,
                          ServerTls tls, StatusSections status) {
        if (pinning != null) {
            status.add("threads", pinning::status);
            if (metrics instanceof MicrometerServerMetrics micrometer) {
                pinning.bindTo(micrometer.registry());
            }
        }
        if (privileges != null) {
            status.add("privileges", privileges::status);
        }
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
