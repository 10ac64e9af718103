package dev.wharf.server.interop;

import dev.wharf.server.Door;
import dev.wharf.server.WharfServer;
import dev.wharf.server.auth.PasswordHash;
import dev.wharf.server.config.ConfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole server, as a user runs it (WharfServer from a server.conf with a real password file), on
 * 127.0.0.1 with every port chosen by the kernel, for the real clients to talk to. User {@link #USER}
 * is jailed at {@link #root()}; anonymous FTP is on, read-only, at {@link #anonymousRoot()}.
 */
final class InteropServer implements AutoCloseable {

    static final String USER = "jane";
    static final String PASSWORD = "c0rrect-h0rse";

    private final WharfServer server;
    private final Path root;
    private final Path anonymousRoot;

    private InteropServer(Path dir, Map<String, String> extra) throws IOException, InterruptedException {
        root = Files.createDirectories(dir.resolve("data"));
        anonymousRoot = Files.createDirectories(dir.resolve("pub"));
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, USER + ":" + PasswordHash.sha512Crypt(PASSWORD) + ":1000:1000:Jane:"
                + root + ":/bin/sh\n");
        int first = 40000 + ThreadLocalRandom.current().nextInt(100) * 200;
        Map<String, String> config = new HashMap<>(Map.of(
                "control.interface", "127.0.0.1",
                "ftp.port", "0",
                "ftps.enabled", "true",
                "ftps.port", "0",
                "admin.port", "0",
                "auth.password-file", passwd.toString(),
                "anonymous.enabled", "true",
                "anonymous.root", anonymousRoot.toString(),
                "data.port-range", first + "-" + (first + 199)));
        // the upload tests run once per receive path: mvn ... -Dwharf.test.splice-uploads=false (docs/testing.md)
        String splice = System.getProperty("wharf.test.splice-uploads");
        if (splice != null) {
            config.put("transfer.splice-uploads", splice);
        }
        config.putAll(extra);
        server = WharfServer.create(ConfigFile.of(config));
        server.start();
    }

    static InteropServer start(Path dir) throws Exception {
        return new InteropServer(dir, Map.of());
    }

    static InteropServer start(Path dir, Map<String, String> extra) throws Exception {
        return new InteropServer(dir, extra);
    }

    int port(String door) {
        return server.doors().stream().filter(d -> d.name().equals(door)).findFirst()
                .map(Door::localAddress).orElseThrow(() -> new IllegalStateException("no door " + door))
                .getPort();
    }

    int ftpPort() {
        return port("ftp");
    }

    int ftpsPort() {
        return port("ftps");
    }

    Path root() {
        return root;
    }

    Path anonymousRoot() {
        return anonymousRoot;
    }

    WharfServer server() {
        return server;
    }

    String url(String path) {
        return "ftp://127.0.0.1:" + ftpPort() + path;
    }

    String credentials() {
        return USER + ":" + PASSWORD;
    }

    @Override
    public void close() {
        server.close();
    }

    static byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }
}
