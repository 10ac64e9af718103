package dev.wharf.server;

import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.admin.StatusSections;
import dev.wharf.server.auth.LoginService;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.ServerMetrics;
import dev.wharf.server.tls.ServerTls;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one place tests build a {@link ServerContext}, so a new shared component means one change here.
 * Defaults: empty config, a login service that refuses everyone, allow-all access, no metrics, one
 * shared self-signed TLS identity (localhost, 127.0.0.1, ::1), the best transport with small groups.
 * Release the threads with {@link #close(ServerContext)} (e.g. in {@code @AfterEach}).
 */
public final class TestContexts {

    private static ServerTls sharedTls;

    private TestContexts() {}

    public static ServerContext create() {
        return builder().build();
    }

    public static ServerContext create(ConfigFile config) {
        return builder().config(config).build();
    }

    /**
     * {@code base} with a blocking executor that runs each task on the calling thread, so an
     * EmbeddedChannel conversation is synchronous. Closing {@code base} closes its threads.
     */
    public static ServerContext direct(ServerContext base) {
        return new ServerContext(base.config(), base.logins(), base.access(), base.metrics(), base.tls(),
                base.status(), base.transport(), base.acceptGroup(), base.ioGroup(), new DirectExecutor());
    }

    private static final class DirectExecutor extends java.util.concurrent.AbstractExecutorService {
        @Override public void execute(Runnable command) { command.run(); }
        @Override public void shutdown() {}
        @Override public java.util.List<Runnable> shutdownNow() { return java.util.List.of(); }
        @Override public boolean isShutdown() { return false; }
        @Override public boolean isTerminated() { return false; }
        @Override public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A self-signed identity made once per test JVM (key generation is not free). */
    public static synchronized ServerTls tls() {
        if (sharedTls == null) {
            sharedTls = ServerTls.selfSigned("127.0.0.1");
        }
        return sharedTls;
    }

    /** Shuts down the context's threads and waits (briefly) for them. */
    public static void close(ServerContext context) {
        context.acceptGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        context.ioGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        context.blockingExecutor().shutdownNow();
    }

    /** A login service that answers 331 to every USER and refuses every PASS. */
    public static final LoginService REFUSE_ALL = new LoginService() {
        @Override
        public UserPrompt user(String name) {
            return new UserPrompt(true, false, "Password required for " + name + ".");
        }

        @Override
        public LoginOutcome login(String name, String password, InetAddress client) {
            return LoginOutcome.failed("Login incorrect.");
        }
    };

    public static final class Builder {
        private ConfigFile config = ConfigFile.empty();
        private LoginService logins = REFUSE_ALL;
        private AccessPolicy access = AccessPolicy.ALLOW_ALL;
        private ServerMetrics metrics = ServerMetrics.NONE;
        private ServerTls tls;
        private StatusSections status = new StatusSections();
        private Transport transport = Transport.best();
        private int ioThreads = 2;

        public Builder config(ConfigFile config) { this.config = config; return this; }
        public Builder logins(LoginService logins) { this.logins = logins; return this; }
        public Builder access(AccessPolicy access) { this.access = access; return this; }
        public Builder metrics(ServerMetrics metrics) { this.metrics = metrics; return this; }
        public Builder tls(ServerTls tls) { this.tls = tls; return this; }
        public Builder status(StatusSections status) { this.status = status; return this; }
        public Builder transport(Transport transport) { this.transport = transport; return this; }
        public Builder ioThreads(int ioThreads) { this.ioThreads = ioThreads; return this; }

        public ServerContext build() {
            ExecutorService blocking = Executors.newCachedThreadPool(new DefaultThreadFactory("test-blocking", true));
            return new ServerContext(config, logins, access, metrics, tls != null ? tls : TestContexts.tls(), status, transport,
                    transport.newGroup(1, new DefaultThreadFactory("test-accept", true)),
                    transport.newGroup(ioThreads, new DefaultThreadFactory("test-io", true)),
                    blocking);
        }
    }
}
