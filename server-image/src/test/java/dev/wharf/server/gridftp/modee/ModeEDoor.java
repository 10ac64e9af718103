package dev.wharf.server.gridftp.modee;

import static dev.wharf.server.ftp.RawFtp.expect;

import dev.wharf.server.ServerContext;
import dev.wharf.server.TestContexts;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortAllocator;
import dev.wharf.server.fs.FileChannelOpener;
import dev.wharf.server.ftp.FtpDoor;
import dev.wharf.server.ftp.FtpSettings;
import dev.wharf.server.ftp.RawFtp;
import dev.wharf.server.ftp.TestLogins;
import dev.wharf.server.gridftp.GridFtpDoors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The FTP door with MODE E on loopback, as {@code DoorTable} builds it (explicit TLS too), user alice
 * (password secret) rooted at {@code root()}, for the MODE E tests.
 */
final class ModeEDoor implements AutoCloseable {

    private final Path root;
    private final ServerContext context;
    private final FtpDoor door;

    private ModeEDoor(Path root, ServerContext context, FtpDoor door) {
        this.root = root;
        this.context = context;
        this.door = door;
    }

    static ModeEDoor start(Path dir, int maxStreams) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        int first = 36000 + ThreadLocalRandom.current().nextInt(100) * 40;
        ConfigFile config = ConfigFile.of(Map.of("data.port-range", first + "-" + (first + 39),
                "limits.streams-per-client", String.valueOf(maxStreams)));
        FtpSettings settings = FtpSettings.plain(config).withPort(0);
        ServerContext context = TestContexts.builder().config(config)
                .logins(new TestLogins(Files.createDirectories(dir.resolve("anon"))).add("alice", "secret", root, "/"))
                .build();
        FtpDoor door = new FtpDoor(context, settings, context.tls().sslContext(), new PortAllocator(settings.portRange()),
                GridFtpDoors.ftpCommands(config), FileChannelOpener.DEFAULT);
        door.start();
        return new ModeEDoor(root, context, door);
    }

    Path root() {
        return root;
    }

    int port() {
        return door.localAddress().getPort();
    }

    /** A logged-in control connection in TYPE I and MODE E. */
    RawFtp modeE() throws IOException {
        RawFtp ftp = new RawFtp(port());
        ftp.login();
        expect(200, ftp.command("TYPE I"));
        expect(200, ftp.command("MODE E"));
        return ftp;
    }

    @Override
    public void close() {
        door.close();
        TestContexts.close(context);
    }
}
