package dev.wharf.server.net;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.data.PortRange;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The network keys every door obeys (docs/configuration.md, "every door"), read in one place so no
 * door can parse them differently or forget one: interfaces, data ports, who may connect, PROXY, and
 * the connection limits of {@link DoorFront}.
 *
 * @param allowedSubnets {@code net.allowed-subnets}: real client addresses allowed (empty: everyone)
 * @param proxyProtocol {@code net.proxy-protocol}: a PROXY v1/v2 header comes first on every connection
 * @param proxyTrusted {@code net.proxy-trusted}: peers whose PROXY headers are believed; must not be empty
 *        when {@code proxyProtocol} is on
 * @param maxClients {@code limits.clients}: open connections per door
 * @param maxPerAddress {@code limits.clients-per-address}: open connections per real client address and door
 * @param reservedForAuthenticated {@code limits.reserved-for-authenticated}: of {@code maxClients}, slots
 *        that connections which have not logged in can never take
 * @param loginGrace {@code limits.login-grace}: a connection not logged in by then is closed
 * @param idleTimeout {@code limits.idle-timeout}
 */
public record NetSettings(
        InetAddress controlInterface,
        InetAddress dataInterface,
        PortRange portRange,
        CidrSet allowedSubnets,
        boolean proxyProtocol,
        CidrSet proxyTrusted,
        int maxClients,
        int maxPerAddress,
        int reservedForAuthenticated,
        Duration loginGrace,
        Duration idleTimeout) {

    public static final int DEFAULT_CLIENTS = 100;
    public static final int DEFAULT_PER_ADDRESS = 20;
    public static final int DEFAULT_LOGIN_GRACE_SECONDS = 30;

    public static NetSettings from(ConfigFile c) {
        InetAddress control = address(c, "control.interface", "127.0.0.1");
        InetAddress data = address(c, "data.interface", control.getHostAddress());
        int clients = c.getInt("limits.clients", DEFAULT_CLIENTS, 1, 1_000_000);
        // A quarter of the slots by default: enough for the logged-in users to keep working while
        // strangers hold every slot they may (docs/security.md, "Door policy").
        int reserved = c.getInt("limits.reserved-for-authenticated", clients / 4, 0, clients - 1);
        boolean proxyProtocol = c.getBoolean("net.proxy-protocol", false);
        CidrSet proxyTrusted = CidrSet.parse("net.proxy-trusted", c.getList("net.proxy-trusted"));
        if (proxyProtocol && proxyTrusted.isEveryone()) {
            // An empty list would believe a PROXY header from any peer: anyone who reaches the port
            // could claim any source address and walk through net.allowed-subnets.
            throw new ConfigException("net.proxy-trusted must list the CIDRs of your proxies when net.proxy-protocol"
                    + " is true (e.g. net.proxy-trusted = 10.0.0.5/32); otherwise any peer could claim any client address");
        }
        return new NetSettings(control, data,
                c.get("data.port-range").map(PortRange::parse).orElse(PortRange.DEFAULT),
                CidrSet.parse("net.allowed-subnets", c.getList("net.allowed-subnets")),
                proxyProtocol,
                proxyTrusted,
                clients,
                c.getInt("limits.clients-per-address", DEFAULT_PER_ADDRESS, 1, 1_000_000),
                reserved,
                Duration.ofSeconds(c.getInt("limits.login-grace", DEFAULT_LOGIN_GRACE_SECONDS, 1, 3600)),
                Duration.ofSeconds(c.getInt("limits.idle-timeout", 900, 1, 86_400 * 7)));
    }

    /** Connections that have not logged in yet may hold at most this many slots. */
    public int maxUnauthenticated() {
        return maxClients - reservedForAuthenticated;
    }

    public NetSettings withPortRange(PortRange range) {
        return new NetSettings(controlInterface, dataInterface, range, allowedSubnets, proxyProtocol, proxyTrusted,
                maxClients, maxPerAddress, reservedForAuthenticated, loginGrace, idleTimeout);
    }

    /** An address key: an IP address or a NIC name (the operator knows data NICs by name). */
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

    /** A NIC's first IPv4 address, else its first address. */
    private static InetAddress interfaceAddress(String key, String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic != null) {
                List<InetAddress> all = Collections.list(nic.getInetAddresses());
                return all.stream().filter(a -> a instanceof Inet4Address).findFirst()
                        .or(() -> all.stream().findFirst())
                        .orElseThrow(() -> new ConfigException(key + ": interface " + name + " has no address"));
            }
        } catch (SocketException e) {
            // reported below
        }
        throw new ConfigException(key + " must be an IP address or a network interface name, got '" + name + "'");
    }
}
