package dev.wharf.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetSettingsTest {

    @Test
    void defaultsKeepAQuarterOfTheSlotsForLoggedInSessions() {
        NetSettings s = NetSettings.from(ConfigFile.empty());
        assertEquals(100, s.maxClients());
        assertEquals(25, s.reservedForAuthenticated());
        assertEquals(75, s.maxUnauthenticated());
        assertEquals(20, s.maxPerAddress());
        assertEquals(30, s.loginGrace().toSeconds());
        assertTrue(s.proxyTrusted().isEveryone());
        assertEquals(1, NetSettings.from(ConfigFile.of(Map.of("limits.clients", "1"))).maxUnauthenticated());
    }

    @Test
    void proxyTrustedIsAListOfCidrs() throws Exception {
        NetSettings s = NetSettings.from(ConfigFile.of(Map.of("net.proxy-trusted", "10.1.0.0/16, ::1")));
        assertTrue(s.proxyTrusted().allows(InetAddress.getByName("10.1.2.3")));
        assertTrue(s.proxyTrusted().allows(InetAddress.getByName("::1")));
        assertFalse(s.proxyTrusted().allows(InetAddress.getByName("10.2.0.1")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> NetSettings.from(ConfigFile.of(Map.of("net.proxy-trusted", "haproxy.example.org"))));
        assertTrue(e.getMessage().startsWith("map: net.proxy-trusted: 'haproxy.example.org' is not an IP address or CIDR block"),
                e.getMessage());
    }

    /**
     * The JDK reads "10.1" as 10.0.0.1 and looks "cafe" up in DNS: a subnet list written that way once
     * allowed 10.0.0.0/16 for "10.1/16" and made the start ask DNS. Only full literals are addresses now.
     */
    @Test
    void shortOrNamedAddressesAreRefusedNotReinterpreted() {
        for (String bad : new String[] {"10.1/16", "cafe", "10.0.0/24"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> NetSettings.from(ConfigFile.parse(java.util.List.of("net.allowed-subnets = " + bad), "t.conf")));
            assertTrue(e.getMessage().startsWith("t.conf:1: net.allowed-subnets: '" + bad + "' is not an IP address or CIDR block"),
                    e.getMessage());
        }
    }

    /** docs/security.md, "Door policy": an empty list used to believe a PROXY header from any peer. */
    @Test
    void proxyProtocolWithoutTrustedProxiesIsAStartError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> NetSettings.from(ConfigFile.of(Map.of("net.proxy-protocol", "true"))));
        assertTrue(e.getMessage().startsWith("map: net.proxy-trusted must list the CIDRs of your proxies when"
                + " net.proxy-protocol is true"), e.getMessage());
        assertTrue(NetSettings.from(ConfigFile.of(Map.of("net.proxy-protocol", "true", "net.proxy-trusted", "10.0.0.5/32")))
                .proxyProtocol());
        assertFalse(NetSettings.from(ConfigFile.of(Map.of("net.proxy-protocol", "false"))).proxyProtocol());
    }

    @Test
    void theReserveMustLeaveASlotForLoggingIn() {
        ConfigException e = assertThrows(ConfigException.class, () -> NetSettings.from(ConfigFile.of(
                Map.of("limits.clients", "4", "limits.reserved-for-authenticated", "4"))));
        assertTrue(e.getMessage().contains("limits.reserved-for-authenticated"), e.getMessage());
    }
}
