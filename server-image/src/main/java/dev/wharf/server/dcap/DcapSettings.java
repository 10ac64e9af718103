package dev.wharf.server.dcap;

import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortRange;
import dev.wharf.server.net.DoorNetSettings;
import dev.wharf.server.net.NetSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the dCap door reads from server.conf (docs/configuration.md, docs/dcap.md). The root is
 * {@code dcap.root}, else {@code storage.root}; a door without either refuses to start.
 */
public record DcapSettings(String door, int port, NetSettings net, Optional<Path> root, boolean overwrite,
                           long anonymousMaxHole) implements DoorNetSettings {

    public static final int DEFAULT_PORT = 22125;
    /** {@code dcap.anonymous-max-hole}: bytes an anonymous upload may leave unwritten by seeking ahead. */
    public static final long DEFAULT_ANONYMOUS_MAX_HOLE = 4L << 30;
    public static final int DEFAULT_GSI_PORT = 22128;
    /**
     * libdcap keeps a URL's door port in a signed 16-bit value ({@code short port} of its server
     * struct): above this, dccp turns the port negative and cannot connect. Data ports are not limited
     * (the {@code connect} reply's port is kept as a string, the callback port as an unsigned short).
     */
    public static final int HIGHEST_DOOR_PORT = 32767;

    /** The plain door: {@code dcap.*}. */
    public static DcapSettings from(ConfigFile c) {
        return read(c, "dcap", doorPort(c, "dcap.port", DEFAULT_PORT));
    }

    /** The door inside the GSI tunnel: {@code gsidcap.port}, the rest shared with the plain door. */
    public static DcapSettings gsi(ConfigFile c) {
        return read(c, "gsidcap", doorPort(c, "gsidcap.port", DEFAULT_GSI_PORT));
    }

    /** The door inside libdcap's Kerberos tunnel: {@code krbdcap.port}, the rest shared with the plain door. */
    public static DcapSettings krb(ConfigFile c) {
        return read(c, "krbdcap", doorPort(c, "krbdcap.port", ServerConfSchema.require("krbdcap.port").intDefault()));
    }

    /** A door port libdcap can reach; 0 (ephemeral, tests) is allowed and checked after binding. */
    static int doorPort(ConfigFile c, String key, int defaultPort) {
        int port = c.getInt(key, defaultPort, 0, 65535);
        if (port > HIGHEST_DOOR_PORT) {
            throw new ConfigException(key + " = " + port + ": libdcap (dccp) keeps the door port in a signed"
                    + " 16-bit value and cannot connect to a port above " + HIGHEST_DOOR_PORT + "; choose one below 32768");
        }
        return port;
    }

    private static DcapSettings read(ConfigFile c, String door, int port) {
        Optional<Path> root = c.getPath("dcap.root").or(() -> c.getPath("storage.root"));
        return new DcapSettings(door, port, NetSettings.from(c), root, c.getBoolean("transfer.overwrite", true),
                c.getLong("dcap.anonymous-max-hole", DEFAULT_ANONYMOUS_MAX_HOLE, 0, Long.MAX_VALUE));
    }

    public Path requireRoot() {
        return root.orElseThrow(() -> new ConfigException(door + ".enabled = true needs dcap.root or storage.root"));
    }

    public DcapSettings withPort(int newPort) {
        return new DcapSettings(door, newPort, net, root, overwrite, anonymousMaxHole);
    }

    public DcapSettings withRoot(Path newRoot) {
        return new DcapSettings(door, port, net, Optional.of(newRoot), overwrite, anonymousMaxHole);
    }

    public DcapSettings withPortRange(PortRange range) {
        return new DcapSettings(door, port, net.withPortRange(range), root, overwrite, anonymousMaxHole);
    }
}
