package dev.wharf.server.ftp;

import dev.wharf.server.auth.LoginThrottle;
import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.acl.AccessPolicy;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts an FTP door in-process on 127.0.0.1, port 0, for tests (also the interop and benchmark
 * suites; see docs/ftp.md): a user {@code alice}/{@code secret} jailed at {@link #root()}, anonymous FTP read-only at
 * {@link #anonymousRoot()}, the shared self-signed TLS identity of TestContexts, and a random 200-port data range.
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

    private final ServerContext context;
    private final FtpDoor door;
    private final Path root;
    private final Path anonymousRoot;
    private final RecordingMetrics metrics = new RecordingMetrics();

    private FtpTestServer(Path dir, Map<String, String> config, boolean implicit, AccessPolicy policy,
                          FileChannelOpener opener) throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        anonymousRoot = Files.createDirectories(dir.resolve("anon"));
        Map<String, String> values = new HashMap<>();
        int first = 30000 + ThreadLocalRandom.current().nextInt(150) * 200;
        values.put("data.port-range", first + "-" + (first + 199));
        // tests that are not about password guessing must not wait for its delays
        values.put("auth.failure-delay-ms", "0");
        values.put("auth.max-failures", "1000");
        values.put("auth.address-failures", "1000000");
        // the upload tests run once per receive path: mvn ... -Dwharf.test.splice-uploads=false (docs/testing.md)
        String splice = System.getProperty("wharf.test.splice-uploads");
        if (splice != null) {
            values.put("transfer.splice-uploads", splice);
        }
        values.putAll(config);
        ConfigFile file = ConfigFile.of(values);
        FtpSettings settings = (implicit ? FtpSettings.implicitTls(file) : FtpSettings.plain(file)).withPort(0);
        TestLogins logins = new TestLogins(anonymousRoot).add(USER, PASSWORD, root, "/")
                .throttle(LoginThrottle.fromConfig(file));
        context = TestContexts.builder().config(file).logins(logins).access(policy).metrics(metrics).build();
        door = new FtpDoor(context, settings, context.tls().sslContext(), new PortAllocator(settings.portRange()),
                FtpCommands.standard(), opener);
        door.start();
    }

    public static FtpTestServer start(Path dir, Map<String, String> config) throws Exception {
        return new FtpTestServer(dir, config, false, AccessPolicy.ALLOW_ALL, FileChannelOpener.DEFAULT);
    }

    public static FtpTestServer start(Path dir, Map<String, String> config, AccessPolicy policy) throws Exception {
        return new FtpTestServer(dir, config, false, policy, FileChannelOpener.DEFAULT);
    }

    public static FtpTestServer startImplicit(Path dir, Map<String, String> config) throws Exception {
        return new FtpTestServer(dir, config, true, AccessPolicy.ALLOW_ALL, FileChannelOpener.DEFAULT);
    }

    /** Uploads fail with ENOSPC after {@code capacity} bytes per file (a full disk without a tmpfs). */
    public static FtpTestServer startWithDiskCapacity(Path dir, long capacity) throws Exception {
        return new FtpTestServer(dir, Map.of(), false, AccessPolicy.ALLOW_ALL,
                dev.wharf.server.fs.FullDiskChannel.opener(capacity));
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
        TestContexts.close(context);
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
