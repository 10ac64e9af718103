package dev.wharf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfSchemaTest {

    @Test
    void unknownKeysAreNamedWithTheLikelyIntendedOne() {
        assertEquals(Optional.of("unknown key ftp.prot (did you mean ftp.port?); every key is listed in docs/configuration.md"),
                ServerConfSchema.problem("ftp.prot", "21"));
        assertTrue(ServerConfSchema.problem("srm.enabled", "true").orElseThrow().startsWith("unknown key srm.enabled;"));
    }

    @Test
    void valuesAreCheckedAgainstTheirTypeNamingWhatIsAllowed() {
        assertEquals(Optional.empty(), ServerConfSchema.problem("ftp.port", "2121"));
        assertEquals(Optional.of("ftp.port = 70000 is outside 0..65535"), ServerConfSchema.problem("ftp.port", "70000"));
        assertEquals(Optional.of("dcap.port must be a whole number in 0..32767, got 'x'"), ServerConfSchema.problem("dcap.port", "x"));
        assertEquals(Optional.of("ftp.list-format must be one of ls-l, legacy; got 'dos'"),
                ServerConfSchema.problem("ftp.list-format", "dos"));
        assertEquals(Optional.empty(), ServerConfSchema.problem("log.level", "DEBUG"));
        assertEquals(Optional.of("tls.require must be true or false, got 'maybe'"), ServerConfSchema.problem("tls.require", "maybe"));
        assertEquals(Optional.empty(), ServerConfSchema.problem("limits.clients", ""), "empty means unset");
        assertEquals(Optional.empty(), ServerConfSchema.problem("data.port-range", "20000:20499"));
        for (String bad : new String[] {"20000", "25000-20000", "0-10", "1-70000", "a-b", "1-2-3"}) {
            assertEquals(Optional.of("data.port-range must be FIRST-LAST within 1-65535 (e.g. 20000-25000), got '" + bad + "'"),
                    ServerConfSchema.problem("data.port-range", bad), bad);
        }
    }

    @Test
    void addressesCidrsPathsAndListsAreCheckedWithoutLookingAnythingUp() {
        assertEquals(Optional.empty(), ServerConfSchema.problem("data.interface", "ens1f0"));
        assertEquals(Optional.empty(), ServerConfSchema.problem("control.interface", "::1"));
        assertEquals(Optional.of("control.interface: '300.1.2.3' is not an IP address"),
                ServerConfSchema.problem("control.interface", "300.1.2.3"));
        assertEquals(Optional.of("data.interface: 'eth/0' is neither an IP address nor a network interface name (at most 15"
                + " of a-z A-Z 0-9 _ . : @ -)"), ServerConfSchema.problem("data.interface", "eth/0"));
        assertEquals(Optional.empty(), ServerConfSchema.problem("net.allowed-subnets", "10.0.0.0/8, 2001:db8::/32 127.0.0.1"));
        for (String bad : new String[] {"10.0.0.0/33", "2001:db8::/129", "example.org", "10.0.0/8", "10.1/16", "cafe", "10.0.0.0/-1"}) {
            assertEquals(Optional.of("net.proxy-trusted: '" + bad + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8,"
                    + " 2001:db8::/32; prefix at most 32 for IPv4, 128 for IPv6)"),
                    ServerConfSchema.problem("net.proxy-trusted", "127.0.0.1 " + bad), bad);
        }
        assertEquals(Optional.of("storage.root must be a path without NUL characters"), ServerConfSchema.problem("storage.root", "/a\0b"));
        assertEquals(Optional.empty(), ServerConfSchema.problem("gsi.tls-protocols", "TLSv1.3"));
        assertEquals(Optional.of("gsi.tls-protocols: 'TLSv1.1' is not one of TLSv1.2, TLSv1.3"),
                ServerConfSchema.problem("gsi.tls-protocols", "TLSv1.2,TLSv1.1"));
    }

    @Test
    void theSharedTypesAreTheRowsAllowedValues() {
        assertEquals(java.util.List.of("none", "read", "list", "write", "admin"),
                ServerConfSchema.require("acl.default.authenticated").values().choices());
        assertEquals(java.util.List.of("ls-l", "legacy"), ServerConfSchema.require("ftp.list-format").values().choices());
        assertEquals(new PortRange(20000, 25000), PortRange.parse(ServerConfSchema.require("data.port-range").defaultValue()));
        assertEquals("20000-25000", new PortRange(20000, 25000).toString());
        assertEquals(true, AccessLevel.WRITE.includes(AccessLevel.LIST));
    }

    @Test
    void everyDefaultPassesItsOwnCheck() {
        for (ConfigKey key : ServerConfSchema.keys()) {
            if (key.defaultValue() != null) {
                assertEquals(Optional.empty(), key.problem(key.defaultValue()), key.name());
            }
            assertTrue(!key.doors().isEmpty() && !key.doc().isBlank(), key.name());
        }
    }
}
