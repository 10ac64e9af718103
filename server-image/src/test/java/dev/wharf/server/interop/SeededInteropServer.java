package dev.wharf.server.interop;

import dev.wharf.server.PerClassFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An {@link InteropServer} in {@code dir/server} holding the files the FTP client tests (curl, lftp) both
 * read: {@code payload.bin} of random bytes and {@code runs/a.txt}; plus an empty {@code dir/client} for the
 * client program to run in. The class's own {@code @BeforeAll} methods run after it and can add files.
 */
final class SeededInteropServer extends PerClassFixture {

    private final int payloadSize;
    private InteropServer server;
    private byte[] payload;

    SeededInteropServer(Supplier<Path> directory, int payloadSize) {
        super(directory);
        this.payloadSize = payloadSize;
    }

    @Override
    protected void start(Path dir) throws Exception {
        server = InteropServer.start(dir.resolve("server"));
        payload = InteropServer.randomBytes(payloadSize);
        Files.write(server.root().resolve("payload.bin"), payload);
        Files.writeString(Files.createDirectories(server.root().resolve("runs")).resolve("a.txt"), "alpha\n");
        Files.createDirectories(dir.resolve("client"));
    }

    @Override
    protected void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The bytes of {@code payload.bin}. */
    byte[] payload() {
        return payload;
    }

    Path root() {
        return server.root();
    }

    Path anonymousRoot() {
        return server.anonymousRoot();
    }

    int ftpPort() {
        return server.ftpPort();
    }

    int ftpsPort() {
        return server.ftpsPort();
    }

    String url(String path) {
        return server.url(path);
    }

    String credentials() {
        return server.credentials();
    }
}
