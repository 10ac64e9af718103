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
        assertTrue(ServerConfSchema.problem("xrootd.enabled", "true").orElseThrow().startsWith("unknown key xrootd.enabled;"));
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
    void everyDefaultPassesItsOwnCheck() {
        for (ConfigKey key : ServerConfSchema.keys()) {
            if (key.defaultValue() != null) {
                assertEquals(Optional.empty(), key.problem(key.defaultValue()), key.name());
            }
            assertTrue(!key.doors().isEmpty() && !key.doc().isBlank(), key.name());
        }
    }
}
