package dev.wharf.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.config.ConfigKey;
import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.auth.AuthSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors name the file, the line and the key, and say what is allowed (docs/server.md's promise). */
class ConfigValidationTest {

    private static String refusal(ConfigFile config) {
        return assertThrows(ConfigException.class, config::validate).getMessage();
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        ConfigFile config = ConfigFile.parse(List.of("# site", "ftp.port = 2121", "", "srm.enabled = true"), "t.conf");
        assertEquals("t.conf:4: unknown key srm.enabled; every key is listed in docs/configuration.md", refusal(config));
    }

    @Test
    void aBadValueIsNamedWithItsLineAndTheAllowedValues() {
        assertEquals("t.conf:1: ftp.list-format must be one of ls-l, legacy; got 'dos'",
                refusal(ConfigFile.parse(List.of("ftp.list-format = dos"), "t.conf")));
        assertEquals("t.conf:2: dcap.port = 40000 is outside 0..32767",
                refusal(ConfigFile.parse(List.of("dcap.enabled = true", "dcap.port = 40000"), "t.conf")));
    }

    @Test
    void aFlagsValueIsNamedAsTheCommandLine() {
        ConfigFile config = ConfigFile.parse(List.of("ftp.port = 2121"), "t.conf").with(Map.of("ftp.port", "99999"));
        assertEquals("command line: ftp.port = 99999 is outside 0..65535", refusal(config));
        assertEquals("command line: ftp.port = 99999 is outside 0..65535",
                assertThrows(ConfigException.class, () -> config.declaredInt("ftp.port")).getMessage());
    }

    @Test
    void theTypedGettersNameTheLineToo() {
        ConfigFile config = ConfigFile.parse(List.of("limits.clients = lots"), "t.conf");
        assertEquals("t.conf:1: limits.clients must be a whole number in 1..1000000, got 'lots'",
                assertThrows(ConfigException.class, () -> config.declaredInt("limits.clients")).getMessage());
    }

    @Test
    void declaredGettersTakeDefaultsAndBoundsFromTheSchema() {
        assertEquals(8080, ConfigFile.empty().declaredInt("admin.port"));
        assertEquals(1_048_576L, ConfigFile.empty().declaredLong("privileges.open-files"));
        assertEquals(true, ConfigFile.empty().declaredBoolean("transfer.overwrite"));
        assertEquals("auto", ConfigFile.empty().declaredChoice("privileges.memory-lock"));
        ConfigFile bad = ConfigFile.parse(List.of("privileges.net-nice = -30", "privileges.memory-lock = on"), "t.conf");
        assertEquals("t.conf:1: privileges.net-nice = -30 is outside -20..19",
                assertThrows(ConfigException.class, () -> bad.declaredInt("privileges.net-nice")).getMessage());
        assertEquals("t.conf:2: privileges.memory-lock must be one of auto, off; got 'on'",
                assertThrows(ConfigException.class, () -> bad.declaredChoice("privileges.memory-lock")).getMessage());
    }

    /**
     * Every kind of refusal, as start-up reports it (validate) and as the settings record reading the key
     * reports it: the file, the line, the key and what is allowed.
     */
    @Test
    void everyKindOfBadValueNamesFileLineKeyAndWhatIsAllowed(@TempDir Path dir) {
        String missing = dir.resolve("missing").toString();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("limits.clients = lots", "t.conf:2: limits.clients must be a whole number in 1..1000000, got 'lots'");
        cases.put("limits.idle-timeout = 0", "t.conf:2: limits.idle-timeout = 0 is outside 1..604800");
        cases.put("ftp.list-format = dos", "t.conf:2: ftp.list-format must be one of ls-l, legacy; got 'dos'");
        cases.put("tls.require = maybe", "t.conf:2: tls.require must be true or false, got 'maybe'");
        cases.put("data.port-range = 25000-20000",
                "t.conf:2: data.port-range must be FIRST-LAST within 1-65535 (e.g. 20000-25000), got '25000-20000'");
        cases.put("net.allowed-subnets = 10.0.0.0/8 10.1.0.0/40", "t.conf:2: net.allowed-subnets: '10.1.0.0/40' is not an IP"
                + " address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32; prefix at most 32 for IPv4, 128 for IPv6)");
        cases.put("control.interface = 10.0.0.256", "t.conf:2: control.interface: '10.0.0.256' is not an IP address");
        cases.put("storage.root = /srv/\0x", "t.conf:2: storage.root must be a path without NUL characters");
        cases.put("gsi.tls-protocols = SSLv3", "t.conf:2: gsi.tls-protocols: 'SSLv3' is not one of TLSv1.2, TLSv1.3");
        cases.put("limits.reserved-for-authenticated = 100", "t.conf:2: limits.reserved-for-authenticated = 100 must be less"
                + " than limits.clients (100), so a connection that has not logged in yet can still get a slot");
        cases.put("anonymous.enabled = true", "t.conf:2: anonymous.enabled = true needs anonymous.root (the read-only anonymous area)");
        cases.forEach((line, expected) -> {
            ConfigFile config = ConfigFile.parse(List.of("# site", line), "t.conf");
            assertEquals(expected, refusal(config), line);
            String key = line.substring(0, line.indexOf('=')).strip();
            assertEquals(expected, assertThrows(ConfigException.class, () -> config.get(key)).getMessage(), "read: " + line);
        });
        ConfigFile noRoot = ConfigFile.parse(List.of("ftp.port = 2121", "storage.root = " + missing), "t.conf");
        noRoot.validate(); // whether a directory exists is for this host to say, at start:
        assertEquals("t.conf:2: storage.root = " + missing + " is not a directory",
                assertThrows(ConfigException.class, () -> AuthSettings.fromConfig(noRoot)).getMessage());
    }

    @Test
    void whatOnlyTheHostCanTellGetsTheLineOfItsKey() {
        ConfigFile config = ConfigFile.parse(List.of("# tls", "tls.certificate = /nonexistent/c.pem", "tls.key = /nonexistent/k.pem"),
                "t.conf");
        ConfigException e = assertThrows(ConfigException.class, () -> dev.wharf.server.tls.ServerTls.fromConfig(config));
        assertEquals("tls.certificate = /nonexistent/c.pem: file not found", e.getMessage());
        assertEquals("t.conf:2: tls.certificate = /nonexistent/c.pem: file not found", config.located(e).getMessage());
        ConfigException placed = new ConfigException("t.conf:3: tls.key = x");
        assertEquals(placed, config.located(placed), "a message that names its place already is kept");
        ConfigException other = new ConfigException("the two passwords differ");
        assertEquals(other, config.located(other));
    }

    @Test
    void everyProblemOfAFileIsNamedAtOnce() {
        ConfigFile config = ConfigFile.parse(List.of("srm.enabled = true", "ftp.port = -1"), "t.conf");
        assertEquals("t.conf:1: unknown key srm.enabled; every key is listed in docs/configuration.md;"
                + " t.conf:2: ftp.port = -1 is outside 0..65535", refusal(config));
    }

    @Test
    void aFileWithEveryDeclaredDefaultPasses() {
        StringBuilder lines = new StringBuilder();
        for (ConfigKey key : ServerConfSchema.keys()) {
            if (key.defaultValue() != null) {
                lines.append(key.name()).append(" = ").append(key.defaultValue()).append('\n');
            }
        }
        ConfigFile.parse(lines.toString().lines().toList(), "defaults.conf").validate();
    }
}
