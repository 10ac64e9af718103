package dev.wharf.server.ftp;

import dev.wharf.server.net.CidrSet;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Everything an FTP door reads from server.conf (docs/configuration.md), for the plain door with
 * explicit TLS ({@link #plain}) or the implicit-TLS door ({@link #implicitTls}).
 */
public record FtpSettings(
        String door,
        boolean implicitTls,
        InetAddress controlInterface,
        int port,
        InetAddress dataInterface,
        PortRange portRange,
        CidrSet allowedSubnets,
        boolean proxyProtocol,
        int maxClients,
        Duration idleTimeout,
        boolean overwrite,
        boolean logAbortedTransfers,
        ListFormat listFormat,
        boolean allowCcc,
        boolean requireTls,
        boolean allowThirdParty) {

    public static final int DEFAULT_PORT = 2121;
    public static final int DEFAULT_IMPLICIT_PORT = 2990;
    public static final int MAX_LINE = 8192;
    /** GridFTP MODE E: data connections one session may use at once. */
    public static final String STREAMS_PER_CLIENT = "limits.streams-per-client";
    public static final int DEFAULT_STREAMS_PER_CLIENT = 10;
    public static final int MAX_STREAMS_PER_CLIENT = 1000;

    public static FtpSettings plain(ConfigFile config) {
        return read(config, "ftp", false, config.getInt("ftp.port", DEFAULT_PORT, 0, 65535));
    }

    public static FtpSettings implicitTls(ConfigFile config) {
        return read(config, "ftps", true, config.getInt("ftps.port", DEFAULT_IMPLICIT_PORT, 0, 65535));
    }

    /** The gsiftp door: FTP settings under the door name gridftp (AUTH GSSAPI instead of AUTH TLS). */
    public static FtpSettings gridftp(ConfigFile config) {
        return read(config, "gridftp", false, config.getInt("gridftp.port", 2811, 0, 65535));
    }

    private static FtpSettings read(ConfigFile c, String door, boolean implicit, int port) {
        // Read here only so the key is known (and checked) in every configuration, also when no door that
        // carries MODE E is enabled: the operator always renders it. gridftp.modee.ModeESettings uses it.
        c.getInt(STREAMS_PER_CLIENT, DEFAULT_STREAMS_PER_CLIENT, 1, MAX_STREAMS_PER_CLIENT);
        InetAddress control = address(c, "control.interface", "127.0.0.1");
        InetAddress data = address(c, "data.interface", control.getHostAddress());
        return new FtpSettings(door, implicit, control, port, data,
                c.get("data.port-range").map(PortRange::parse).orElse(PortRange.DEFAULT),
                CidrSet.parse(c.getList("net.allowed-subnets")),
                c.getBoolean("net.proxy-protocol", false),
                c.getInt("limits.clients", 100, 1, 1_000_000),
                Duration.ofSeconds(c.getInt("limits.idle-timeout", 900, 1, 86_400 * 7)),
                c.getBoolean("transfer.overwrite", true),
                c.getBoolean("log.aborted-transfers", true),
                ListFormat.parse(c.getString("ftp.list-format", "ls-l")),
                c.getBoolean("tls.allow-ccc", false),
                c.getBoolean("tls.require", false),
                c.getBoolean("ftp.allow-third-party", false));
    }

    /** An address key: an IP address or a NIC name (shared with the dCap door's settings). */
    public static InetAddress address(ConfigFile c, String key, String fallback) {
        String value = c.getString(key, fallback);
        if (!value.matches("[0-9a-fA-F:.]+")) {
            return interfaceAddress(key, value);
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new ConfigException(key + " must be an IP address, got '" + value + "'");
        }
    }

    /** A NIC name (the operator knows data NICs by name): its first IPv4 address, else its first address. */
    private static InetAddress interfaceAddress(String key, String name) {
        try {
            java.net.NetworkInterface nic = java.net.NetworkInterface.getByName(name);
            if (nic != null) {
                java.util.List<InetAddress> all = java.util.Collections.list(nic.getInetAddresses());
                return all.stream().filter(a -> a instanceof java.net.Inet4Address).findFirst()
                        .or(() -> all.stream().findFirst())
                        .orElseThrow(() -> new ConfigException(key + ": interface " + name + " has no address"));
            }
        } catch (java.net.SocketException e) {
            // reported below
        }
        throw new ConfigException(key + " must be an IP address or a network interface name, got '" + name + "'");
    }

    public FtpSettings withPort(int newPort) {
        return new FtpSettings(door, implicitTls, controlInterface, newPort, dataInterface, portRange, allowedSubnets,
                proxyProtocol, maxClients, idleTimeout, overwrite, logAbortedTransfers, listFormat, allowCcc, requireTls,
                allowThirdParty);
    }
}
