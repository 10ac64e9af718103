package dev.wharf.server.net;

import dev.wharf.config.Addresses;
import dev.wharf.config.PortRange;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
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

    public static NetSettings from(ConfigFile c) {
        InetAddress control = address(c, "control.interface", c.declaredString("control.interface"));
        InetAddress data = address(c, "data.interface", control.getHostAddress());
        int clients = c.declaredInt("limits.clients");
        // A quarter of the slots by default (the schema's note): enough for the logged-in users to keep
        // working while strangers hold every slot they may (docs/security.md, "Door policy"). Below
        // limits.clients: a rule of dev.wharf.config.ServerConfRules, checked as the key is read, like
        // net.proxy-trusted being required with net.proxy-protocol (docs/security.md, "Door policy").
        int reserved = c.optionalInt("limits.reserved-for-authenticated").orElse(clients / 4);
        return new NetSettings(control, data,
                c.declaredPortRange("data.port-range"),
                CidrSet.parse("net.allowed-subnets", c.getList("net.allowed-subnets")),
                c.declaredBoolean("net.proxy-protocol"),
                CidrSet.parse("net.proxy-trusted", c.getList("net.proxy-trusted")),
                clients,
                c.declaredInt("limits.clients-per-address"),
                reserved,
                Duration.ofSeconds(c.declaredInt("limits.login-grace")),
                Duration.ofSeconds(c.declaredInt("limits.idle-timeout")));
    }

    /** Connections that have not logged in yet may hold at most this many slots. */
    public int maxUnauthenticated() {
        return maxClients - reservedForAuthenticated;
    }

    public NetSettings withPortRange(PortRange range) {
        return new NetSettings(controlInterface, dataInterface, range, allowedSubnets, proxyProtocol, proxyTrusted,
                maxClients, maxPerAddress, reservedForAuthenticated, loginGrace, idleTimeout);
    }

    /**
     * An address key: an IP address or a NIC name (the operator knows data NICs by name), read as
     * {@code dev.wharf.config.Addresses} tells them apart (the key's own check has refused anything else).
     */
    public static InetAddress address(ConfigFile c, String key, String fallback) {
        String value = c.get(key).orElse(fallback);
        if (Addresses.looksLikeAddress(value)) {
            return Addresses.literal(value).orElseThrow(() -> new ConfigException(c.where(key) + ": " + key
                    + " must be an IP address, got '" + value + "'"));
        }
        return interfaceAddress(c.where(key) + ": " + key, value);
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
        throw new ConfigException(key + ": no network interface named '" + name + "' on this host (the value is an IP address"
                + " or a NIC name)");
    }
}
