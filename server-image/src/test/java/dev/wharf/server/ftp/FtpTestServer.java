package dev.wharf.server.ftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.Transport;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts an FTP door in-process on 127.0.0.1, port 0, for tests (also the interop and benchmark
 * suites): a user {@code alice}/{@code secret} jailed at {@link #root()}, anonymous FTP read-only at
 * {@link #anonymousRoot()}, a self-signed TLS certificate, and a random 200-port data range.
 *
 * <pre>
 *   try (FtpTestServer s = FtpTestServer.start(tmpDir, Map.of("transfer.overwrite", "false"))) {
 *       int port = s.port();   // ftp://alice:secret@127.0.0.1:port/
 *   }
 * </pre>
 */
public final class FtpTestServer implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "secret";

    private static SslContext sharedTls;

    private final EventLoopGroup accept;
    private final EventLoopGroup io;
    private final ExecutorService blocking;
    private final FtpDoor door;
    private final Path root;
    private final Path anonymousRoot;
    private final RecordingMetrics metrics = new RecordingMetrics();

    private FtpTestServer(Path dir, Map<String, String> config, boolean implicit, AccessPolicy policy) throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        anonymousRoot = Files.createDirectories(dir.resolve("anon"));
        Transport transport = Transport.best();
        accept = transport.newGroup(1, new DefaultThreadFactory("test-accept"));
        io = transport.newGroup(2, new DefaultThreadFactory("test-io"));
        blocking = Executors.newCachedThreadPool(new DefaultThreadFactory("test-blocking"));
        Map<String, String> values = new HashMap<>();
        int first = 30000 + ThreadLocalRandom.current().nextInt(150) * 200;
        values.put("data.port-range", first + "-" + (first + 199));
        values.putAll(config);
        ConfigFile file = ConfigFile.of(values);
        FtpSettings settings = (implicit ? FtpSettings.implicitTls(file) : FtpSettings.plain(file)).withPort(0);
        TestLogins logins = new TestLogins(anonymousRoot).add(USER, PASSWORD, root, "/");
        ServerContext context = new ServerContext(file, logins, policy, metrics, transport, accept, io, blocking);
        door = new FtpDoor(context, settings, tls(), new PortAllocator(settings.portRange()), FtpCommands.standard());
        door.start();
    }

    public static FtpTestServer start(Path dir, Map<String, String> config) throws Exception {
        return new FtpTestServer(dir, config, false, AccessPolicy.ALLOW_ALL);
    }

    public static FtpTestServer start(Path dir, Map<String, String> config, AccessPolicy policy) throws Exception {
        return new FtpTestServer(dir, config, false, policy);
    }

    public static FtpTestServer startImplicit(Path dir, Map<String, String> config) throws Exception {
        return new FtpTestServer(dir, config, true, AccessPolicy.ALLOW_ALL);
    }

    /** A self-signed certificate for localhost / 127.0.0.1, made once per JVM. */
    public static synchronized SslContext tls() throws Exception {
        if (sharedTls == null) {
            SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
            sharedTls = SslContextBuilder.forServer(cert.certificate(), cert.privateKey())
                    .protocols("TLSv1.3", "TLSv1.2").build();
        }
        return sharedTls;
    }

    public int port() {
        return door.localAddress().getPort();
    }

    public Path root() {
        return root;
    }

    public Path anonymousRoot() {
        return anonymousRoot;
    }

    public RecordingMetrics metrics() {
        return metrics;
    }

    public FtpDoor door() {
        return door;
    }

    @Override
    public void close() {
        door.close();
        io.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        accept.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownNow();
    }

    /** Runs a server until killed, for trying real clients by hand: prints where it listens. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("wharf-ftp");
        Map<String, String> config = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            config.put(a.substring(0, eq), a.substring(eq + 1));
        }
        FtpTestServer s = start(dir, config);
        System.out.println("ftp://alice:secret@127.0.0.1:" + s.port() + "/  root " + s.root());
        Thread.currentThread().join();
    }
}
