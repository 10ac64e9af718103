package dev.wharf.server.dcap;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortRange;
import dev.wharf.server.ftp.FtpSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the dCap door reads from server.conf (docs/configuration.md, docs/dcap.md). The root is
 * {@code dcap.root}, else {@code storage.root}; a door without either refuses to start.
 */
public record DcapSettings(String door, InetAddress controlInterface, int port, InetAddress dataInterface,
                           PortRange portRange, Optional<Path> root, Duration idleTimeout, boolean overwrite) {

    public static final int DEFAULT_PORT = 22125;
    public static final int DEFAULT_GSI_PORT = 22128;

    /** The plain door: {@code dcap.*}. */
    public static DcapSettings from(ConfigFile c) {
        return read(c, "dcap", c.getInt("dcap.port", DEFAULT_PORT, 0, 65535));
    }

    /** The door inside the GSI tunnel: {@code gsidcap.port}, the rest shared with the plain door. */
    public static DcapSettings gsi(ConfigFile c) {
        return read(c, "gsidcap", c.getInt("gsidcap.port", DEFAULT_GSI_PORT, 0, 65535));
    }

    private static DcapSettings read(ConfigFile c, String door, int port) {
        InetAddress control = FtpSettings.address(c, "control.interface", "127.0.0.1");
        InetAddress data = FtpSettings.address(c, "data.interface", control.getHostAddress());
        Optional<Path> root = c.getPath("dcap.root").or(() -> c.getPath("storage.root"));
        return new DcapSettings(door, control, port, data,
                c.get("data.port-range").map(PortRange::parse).orElse(PortRange.DEFAULT), root,
                Duration.ofSeconds(c.getInt("limits.idle-timeout", 900, 1, 86_400 * 7)),
                c.getBoolean("transfer.overwrite", true));
    }

    public Path requireRoot() {
        return root.orElseThrow(() -> new ConfigException(door + ".enabled = true needs dcap.root or storage.root"));
    }

    public DcapSettings withPort(int newPort) {
        return new DcapSettings(door, controlInterface, newPort, dataInterface, portRange, root, idleTimeout, overwrite);
    }

    public DcapSettings withRoot(Path newRoot) {
        return new DcapSettings(door, controlInterface, port, dataInterface, portRange, Optional.of(newRoot),
                idleTimeout, overwrite);
    }

    public DcapSettings withPortRange(PortRange range) {
        return new DcapSettings(door, controlInterface, port, dataInterface, range, root, idleTimeout, overwrite);
    }
}
