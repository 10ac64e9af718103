package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Door ports libdcap cannot reach are refused when the configuration is read. */
class DcapSettingsTest {

    @Test
    void doorPortsAboveTheSignedShortRangeAreRefused() {
        ConfigException plain = assertThrows(ConfigException.class,
                () -> DcapSettings.from(ConfigFile.of(Map.of("dcap.port", "40000"))));
        assertTrue(plain.getMessage().contains("dcap.port = 40000") && plain.getMessage().contains("signed 16-bit"),
                plain.getMessage());
        ConfigException gsi = assertThrows(ConfigException.class,
                () -> DcapSettings.gsi(ConfigFile.of(Map.of("gsidcap.port", "32768"))));
        assertTrue(gsi.getMessage().contains("gsidcap.port = 32768"), gsi.getMessage());
    }

    @Test
    void portsUpTo32767AndTheDefaultsAreAccepted() {
        assertEquals(32767, DcapSettings.from(ConfigFile.of(Map.of("dcap.port", "32767"))).port());
        assertEquals(0, DcapSettings.gsi(ConfigFile.of(Map.of("gsidcap.port", "0"))).port());
        assertEquals(22125, DcapSettings.from(ConfigFile.empty()).port());
        assertEquals(22128, DcapSettings.gsi(ConfigFile.empty()).port());
    }

    @Test
    void uploadsAreKeptUnlessDiscardingIsExplicitlySet() {
        assertEquals(false, DcapSettings.from(ConfigFile.empty()).discardUploads());
        assertEquals(false, DcapSettings.from(ConfigFile.of(Map.of("dcap.discard-uploads", "false"))).discardUploads());
        assertEquals(true, DcapSettings.from(ConfigFile.of(Map.of("dcap.discard-uploads", "true"))).discardUploads());
        assertEquals(true, DcapSettings.gsi(ConfigFile.of(Map.of("dcap.discard-uploads", "true"))).discardUploads());
    }

    @Test
    void theDataPortRangeHasNoSuchLimit() {
        DcapSettings s = DcapSettings.from(ConfigFile.of(Map.of("data.port-range", "50000-50999")));
        assertEquals(50000, s.portRange().first());
    }
}
