package dev.wharf.server;

import dev.wharf.server.acl.SlashGridAccessPolicy;
import dev.wharf.server.fs.JailResolver;
import dev.wharf.server.admin.AdminEndpoint;
import dev.wharf.server.admin.AdminSettings;
import dev.wharf.server.admin.Readiness;
import dev.wharf.server.admin.StatusSections;
import dev.wharf.server.auth.PasswordFileLoginService;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.MicrometerServerMetrics;
import dev.wharf.server.tls.ServerTls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer server process: one transport, the shared {@link ServerContext}, the admin endpoint
 * and the doors server.conf enables (from {@link DoorTable}). {@link #create} reads and checks the
 * whole configuration (refusing unknown keys) before anything binds; {@link #start} binds the admin
 * endpoint first, then every door, and only then reports ready; {@link #close} reports not-ready
 * first, then closes doors, the endpoint and the threads.
 */
public final class WharfServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WharfServer.class);

    private final ServerContext context;
    private final MicrometerServerMetrics metrics;
    private final AdminEndpoint admin;
    private final List<Door> doors;
    private final Readiness readiness = new Readiness();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile ShutdownSettings shutdown = new ShutdownSettings(java.time.Duration.ZERO);

    private WharfServer(ServerContext context, MicrometerServerMetrics metrics, AdminSettings adminSettings) {
        this.context = context;
        this.metrics = metrics;
        this.admin = new AdminEndpoint(adminSettings, context.transport(), context.acceptGroup(), context.ioGroup(),
                readiness, metrics::scrape, MicrometerServerMetrics.contentType(), context.status());
        SharedResources shared = new SharedResources();
        List<Door> built = new ArrayList<>();
        for (DoorKind<?> kind : DoorTable.KINDS) {
            Door door = kind.buildIfEnabled(context, shared);
            if (door != null) {
                built.add(door);
                metrics.door(door.name());
            }
        }
        this.doors = List.copyOf(built);
    }

    /** Builds the server described by {@code config}; nothing is bound yet. */
    public static WharfServer create(ConfigFile config) {
        return create(config, AdminSettings.fromConfig(config), ServerThreads.fromConfig(config));
    }

    /** The same with explicit admin settings (the demo lets a taken admin port fall back) and threads. */
    public static WharfServer create(ConfigFile config, AdminSettings adminSettings, ServerThreads threads) {
        config.validate();
        MicrometerServerMetrics metrics = new MicrometerServerMetrics();
        ServerContext context = null;
        try {
            ServerTls tls = ServerTls.fromConfig(config);
            JailResolver.select(JailResolver.choose(config));
            context = threads.context(config, PasswordFileLoginService.fromConfig(config),
                    // The one access check of every door, present and future (docs/acl.md).
                    SlashGridAccessPolicy.fromConfig(config, metrics), metrics, tls, new StatusSections());
            WharfServer server = new WharfServer(context, metrics, adminSettings);
            server.shutdown = ShutdownSettings.fromConfig(config);
            refuseUnknownKeys(config);
            server.publishStatus(tls);
            return server;
        } catch (RuntimeException e) {
            if (context != null) {
                ServerThreads.shutdown(context);
            }
            throw e;
        }
    }

    private static void refuseUnknownKeys(ConfigFile config) {
        Set<String> unknown = config.unusedKeys();
        if (!unknown.isEmpty()) {
            throw new ConfigException(config.source() + ": unused key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (declared in docs/configuration.md, but nothing in this build reads"
                    + " them)");
        }
    }

    private void publishStatus(ServerTls tls) {
        context.status().add("server", () -> Map.of("transport", context.transport().name(),
                "version", version()));
        context.status().add("doors", () -> doors.stream().map(d -> {
            Map<String, Object> door = new LinkedHashMap<>();
            door.put("name", d.name());
            door.put("address", bound(d));
            return door;
        }).toList());
        context.status().add("tls", () -> Map.of("selfSigned", tls.isSelfSigned(),
                "subject", tls.certificateChain().get(0).getSubjectX500Principal().getName(),
                "notAfter", tls.certificateChain().get(0).getNotAfter().toInstant().toString()));
    }

    private static String bound(Door door) {
        try {
            return AdminEndpoint.hostPort(door.localAddress());
        } catch (RuntimeException notBound) {
            return null;
        }
    }

    static String version() {
        String v = WharfServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Binds the admin endpoint and every door; ready once all are bound. Failure closes what was bound. */
    public void start() throws InterruptedException {
        try {
            admin.start();
            for (Door door : doors) {
                door.start();
                LOG.info("door {} listening on {}", door.name(), AdminEndpoint.hostPort(door.localAddress()));
            }
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        if (doors.isEmpty()) {
            LOG.warn("no door is enabled: only the admin endpoint runs");
        }
        readiness.ready();
        LOG.info("wharf-server {} ready ({} transport, {} door(s))", version(), context.transport().name(), doors.size());
    }

    public ServerContext context() {
        return context;
    }

    public AdminEndpoint admin() {
        return admin;
    }

    public List<Door> doors() {
        return doors;
    }

    public MicrometerServerMetrics metrics() {
        return metrics;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** Blocks until {@link #close} has finished (e.g. from the SIGTERM hook). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return closed.await(timeout, unit);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        readiness.stopping();
        LOG.info("shutting down: no new sessions; running transfers may finish within {} s", shutdown.gracePeriod().toSeconds());
        SessionDrain.await(doors, shutdown.gracePeriod());
        for (Door door : doors) {
            try {
                door.close();
            } catch (RuntimeException e) {
                LOG.warn("door {} did not close cleanly", door.name(), e);
            }
        }
        admin.close();
        ServerThreads.shutdown(context);
        closed.countDown();
        LOG.info("stopped");
    }
}
