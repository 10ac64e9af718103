package dev.wharf.server.gridftp;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.gsi.GsiService;
import dev.wharf.server.gsi.GsiSettings;
import dev.wharf.server.gsi.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A gsiftp door in-process on 127.0.0.1, port 0: a {@link TestPki} (trust dir, host credential), no
 * grid-mapfile (every trusted DN maps by default), every session jailed at {@link #root()} (storage.root).
 */
final class GridFtpTestServer implements AutoCloseable {

    /** The password account, for servers started with gridftp.allow-passwords = true. */
    static final String PASSWORD_USER = "alice";
    static final String PASSWORD = "secret";

    private final TestPki pki;
    private final Path root;
    private final ServerContext context;
    private final FtpDoor door;
    private final GsiService gsi;

    GridFtpTestServer(Path dir) throws Exception {
        this(dir, pki -> {}, null, Map.of());
    }

    /**
     * @param prepare runs on the fresh PKI before the GSI service reads it (revocations, extra users)
     * @param gridmap the grid-mapfile (gsi.gridmap), or null for none
     * @param extraConfig more server.conf keys
     */
    GridFtpTestServer(Path dir, java.util.function.Consumer<TestPki> prepare, Path gridmap,
                      Map<String, String> extraConfig) throws Exception {
        this(dir, TestPki.create(Files.createDirectories(dir.resolve("certificates"))), prepare, gridmap, extraConfig);
    }

    /** A second server of the same {@code pki} (third-party copies between two Wharf servers). */
    GridFtpTestServer(Path dir, TestPki pki, Map<String, String> extraConfig) throws Exception {
        this(dir, pki, p -> {}, null, extraConfig);
    }

    private GridFtpTestServer(Path dir, TestPki pki, java.util.function.Consumer<TestPki> prepare, Path gridmap,
                              Map<String, String> extraConfig) throws Exception {
        this.pki = pki;
        prepare.accept(pki);
        root = Files.createDirectories(dir.resolve("root"));
        Map<String, String> values = new HashMap<>();
        int first = 40000 + ThreadLocalRandom.current().nextInt(100) * 200;
        values.put("data.port-range", first + "-" + (first + 199));
        values.put("storage.root", root.toString());
        values.put("auth.failure-delay-ms", "0"); // tests about password guessing set their own
        // the upload tests run once per receive path: mvn ... -Dwharf.test.splice-uploads=false (docs/testing.md)
        String splice = System.getProperty("wharf.test.splice-uploads");
        if (splice != null) {
            values.put("transfer.splice-uploads", splice);
        }
        values.putAll(extraConfig);
        ConfigFile config = ConfigFile.of(values);
        GsiSettings gsiSettings = pki.settings(dir, List.of("TLSv1.2", "TLSv1.3"));
        if (gridmap != null) {
            gsiSettings = new GsiSettings(gsiSettings.hostCertificate(), gsiSettings.hostKey(), gsiSettings.certDir(),
                    java.util.Optional.of(gridmap), gsiSettings.tlsProtocols());
        }
        gsi = GsiService.start(gsiSettings);
        FtpSettings settings = FtpSettings.gridftp(config).withPort(0);
        // password logins (used only with gridftp.allow-passwords = true) land in the same jail
        context = TestContexts.builder().config(config)
                .logins(new dev.wharf.server.ftp.TestLogins(null).add(PASSWORD_USER, PASSWORD, root, "/")
                        .throttle(dev.wharf.server.auth.LoginThrottle.fromConfig(config))).build();
        door = GridFtpDoors.create(context, settings, new PortAllocator(settings.portRange()), gsi);
        door.start();
    }

    /** Writes {@code size} random bytes (from {@code seed}) to {@code file} and returns them. */
    static byte[] randomFile(Path file, int size, long seed) throws java.io.IOException {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        Files.write(file, content);
        return content;
    }

    GsiService gsi() {
        return gsi;
    }

    TestPki pki() {
        return pki;
    }

    Path root() {
        return root;
    }

    int port() {
        return door.localAddress().getPort();
    }

    @Override
    public void close() {
        door.close();
        TestContexts.close(context);
    }
}
