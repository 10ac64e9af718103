package dev.wharf.server.dcap;

import dev.wharf.config.PortRange;
import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.net.DoorNetSettings;
import dev.wharf.server.net.NetSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the dCap door reads from server.conf (docs/configuration.md, docs/dcap.md). The root is
 * {@code dcap.root}, else {@code storage.root}; a door without either refuses to start.
 */
public record DcapSettings(String door, int port, NetSettings net, Optional<Path> root, boolean overwrite,
                           long anonymousMaxHole, boolean discardUploads) implements DoorNetSettings {

    /**
     * libdcap keeps a URL's door port in a signed 16-bit value ({@code short port} of its server
     * struct): above this, dccp turns the port negative and cannot connect. Data ports are not limited
     * (the {@code connect} reply's port is kept as a string, the callback port as an unsigned short).
     * The schema's bound of {@code dcap.port} (and {@code gsidcap.port}), so a configured port above it
     * is refused at start; an ephemeral port (tests) is checked after binding.
     */
    public static final int HIGHEST_DOOR_PORT = Math.toIntExact(ServerConfSchema.require("dcap.port").values().max());

    /** The plain door: {@code dcap.*}. */
    public static DcapSettings from(ConfigFile c) {
        return read(c, "dcap", c.declaredInt("dcap.port"));
    }

    /** The door inside the GSI tunnel: {@code gsidcap.port}, the rest shared with the plain door. */
    public static DcapSettings gsi(ConfigFile c) {
        return read(c, "gsidcap", c.declaredInt("gsidcap.port"));
    }

    /** The door inside libdcap's Kerberos tunnel: {@code krbdcap.port}, the rest shared with the plain door. */
    public static DcapSettings krb(ConfigFile c) {
        return read(c, "krbdcap", c.declaredInt("krbdcap.port"));
    }

    private static DcapSettings read(ConfigFile c, String door, int port) {
        Optional<Path> root = c.getPath("dcap.root").or(() -> c.getPath("storage.root"));
        return new DcapSettings(door, port, NetSettings.from(c), root, c.declaredBoolean("transfer.overwrite"),
                c.declaredLong("dcap.anonymous-max-hole"), c.declaredBoolean("dcap.discard-uploads"));
    }

    /** The same door with {@code dcap.discard-uploads} set to {@code discard} (benchmarks and their tests). */
    public DcapSettings withDiscardUploads(boolean discard) {
        return new DcapSettings(door, port, net, root, overwrite, anonymousMaxHole, discard);
    }

    public Path requireRoot() {
        return root.orElseThrow(() -> new ConfigException(door + ".enabled = true needs dcap.root or storage.root"));
    }

    public DcapSettings withPort(int newPort) {
        return new DcapSettings(door, newPort, net, root, overwrite, anonymousMaxHole, discardUploads);
    }

    public DcapSettings withRoot(Path newRoot) {
        return new DcapSettings(door, port, net, Optional.of(newRoot), overwrite, anonymousMaxHole, discardUploads);
    }

    public DcapSettings withPortRange(PortRange range) {
        return new DcapSettings(door, port, net.withPortRange(range), root, overwrite, anonymousMaxHole, discardUploads);
    }
}
