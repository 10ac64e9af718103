package dev.wharf.server.krb;

import dev.wharf.server.Door;
import dev.wharf.server.PerClassFixture;
import dev.wharf.server.WharfServer;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The whole server with the krbftp and krbdcap doors on 127.0.0.1, kernel-chosen ports, storage at
 * {@code dir/data}, against a {@link TestKdc} of the same class; register both with {@code @Order} so the KDC
 * starts first.
 */
public final class KerberizedServer extends PerClassFixture {

    private final Supplier<TestKdc> kdc;
    private final Map<String, String> extra;
    private WharfServer server;
    private Path root;
    private String principalMap;

    /** Starts with {@code krb.principal-map} holding {@code lines}. */
    public KerberizedServer withPrincipalMap(String lines) {
        this.principalMap = lines;
        return this;
    }

    public KerberizedServer(Supplier<Path> directory, Supplier<TestKdc> kdc, Map<String, String> extra) {
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
                "krbdcap.enabled", "true",
                "krbdcap.port", "0",
                "admin.port", "0",
                "storage.root", root.toString(),
                "data.port-range", first + "-" + (first + 19)));
        config.putAll(kdc.get().serverKeys());
        if (principalMap != null) {
            Path map = Files.writeString(dir.resolve("principal-map"), principalMap);
            config.put("krb.principal-map", map.toString());
        }
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

    /**
     * {@code gssdcap://localhost:<port><path>}: libdcap loads {@code lib<prefix>Tunnel.so} for a prefixed URL, here
     * libgssTunnel.so (dccp's {@code -T} only applies to doors from DCACHE_DOOR, not to URLs).
     */
    public String dcapUrl(String path) {
        return "gssdcap://localhost:" + port("krbdcap") + path;
    }

    /** {@code ftp://localhost:<port><path>}: clients must name the host whose principal the keytab holds. */
    public String url(String path) {
        return "ftp://localhost:" + port("krbftp") + path;
    }
}
