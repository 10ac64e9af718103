package dev.wharf.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.config.ConfigKey;
import dev.wharf.config.ServerConfSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors name the file, the line and the key, and say what is allowed (docs/server.md's promise). */
class ConfigValidationTest {

    private static String refusal(ConfigFile config) {
        return assertThrows(ConfigException.class, config::validate).getMessage();
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        ConfigFile config = ConfigFile.parse(List.of("# site", "ftp.port = 2121", "", "xrootd.enabled = true"), "t.conf");
        assertEquals("t.conf:4: unknown key xrootd.enabled; every key is listed in docs/configuration.md", refusal(config));
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
                assertThrows(ConfigException.class, () -> config.getInt("ftp.port", 2121, 0, 65535)).getMessage());
    }

    @Test
    void theTypedGettersNameTheLineToo() {
        ConfigFile config = ConfigFile.parse(List.of("limits.clients = lots"), "t.conf");
        assertEquals("t.conf:1: limits.clients must be a whole number, got 'lots'",
                assertThrows(ConfigException.class, () -> config.getInt("limits.clients", 100, 1, 10)).getMessage());
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
