package dev.wharf.server.krbftp;

import dev.wharf.server.Door;
import dev.wharf.server.PerClassFixture;
import dev.wharf.server.WharfServer;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.krb.TestKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The whole server with the krbftp door (and the krbdcap door) on 127.0.0.1, kernel-chosen ports, storage at
 * {@code dir/data}, against a {@link TestKdc} of the same class; register both with {@code @Order} so the KDC
 * starts first.
 */
public final class KrbFtpServer extends PerClassFixture {

    private final Supplier<TestKdc> kdc;
    private final Map<String, String> extra;
    private WharfServer server;
    private Path root;

    public KrbFtpServer(Supplier<Path> directory, Supplier<TestKdc> kdc, Map<String, String> extra) {
        super(directory);
        this.kdc = kdc;
        this.extra = extra;
    }

    @Override
    protected void start(Path dir) throws Exception {
        root = Files.createDirectories(dir.resolve("data"));
        int first = 30000 + ThreadLocalRandom.current().nextInt(100) * 20;
        Map<String, String> config = new HashMap<>(Map.of(
                "control.interface", "127.0.0.1",
                "ftp.enabled", "false",
                "krbftp.enabled", "true",
                "krbftp.port", "0",
                "admin.port", "0",
                "storage.root", root.toString(),
                "data.port-range", first + "-" + (first + 19)));
        config.putAll(kdc.get().serverKeys());
        config.putAll(extra);
        server = WharfServer.create(ConfigFile.of(config));
        server.start();
    }

    @Override
    protected void stop() {
        if (server != null) {
            server.close();
        }
    }

    public int port(String door) {
        return server.doors().stream().filter(d -> d.name().equals(door)).findFirst().map(Door::localAddress)
                .orElseThrow(() -> new IllegalStateException("no door " + door)).getPort();
    }

    public Path root() {
        return root;
    }

    /** {@code ftp://localhost:<port><path>}: clients must name the host whose principal the keytab holds. */
    public String url(String path) {
        return "ftp://localhost:" + port("krbftp") + path;
    }
}
