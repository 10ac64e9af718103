package dev.wharf.server.dcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Door ports libdcap cannot reach (it keeps them in a signed 16-bit value) are refused when the
 * configuration is read: the schema's bound of the two keys.
 */
class DcapSettingsTest {

    @Test
    void doorPortsAboveTheSignedShortRangeAreRefused() {
        ConfigException plain = assertThrows(ConfigException.class,
                () -> DcapSettings.from(ConfigFile.of(Map.of("dcap.port", "40000"))));
        assertEquals("map: dcap.port = 40000 is outside 0..32767", plain.getMessage());
        ConfigException gsi = assertThrows(ConfigException.class,
                () -> DcapSettings.gsi(ConfigFile.of(Map.of("gsidcap.port", "32768"))));
        assertEquals("map: gsidcap.port = 32768 is outside 0..32767", gsi.getMessage());
        assertEquals(32767, DcapSettings.HIGHEST_DOOR_PORT);
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
