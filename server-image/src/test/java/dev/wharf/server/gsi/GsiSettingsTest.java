package dev.wharf.server.gsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GsiSettingsTest {

    @Test
    void defaultsAreTheGlobusLocations() {
        GsiSettings s = GsiSettings.from(ConfigFile.empty());
        assertEquals(Path.of("/etc/grid-security/hostcert.pem"), s.hostCertificate());
        assertEquals(Path.of("/etc/grid-security/hostkey.pem"), s.hostKey());
        assertEquals(Path.of("/etc/grid-security/certificates"), s.certDir());
        assertEquals(Optional.empty(), s.gridmap());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), s.tlsProtocols());
    }

    @Test
    void readsEveryKey() {
        ConfigFile config = ConfigFile.of(Map.of("gsi.host-certificate", "/h/cert.pem", "gsi.host-key", "/h/key.pem",
                "gsi.cert-dir", "/h/certs", "gsi.gridmap", "/h/grid-mapfile", "gsi.tls-protocols", "TLSv1.2"));
        GsiSettings s = GsiSettings.from(config);
        assertEquals(Path.of("/h/key.pem"), s.hostKey());
        assertEquals(Optional.of(Path.of("/h/grid-mapfile")), s.gridmap());
        assertEquals(List.of("TLSv1.2"), s.tlsProtocols());
        assertEquals(java.util.Set.of(), config.unusedKeys());
    }

    @Test
    void refusesUnknownTlsVersions() {
        assertEquals("map: gsi.tls-protocols: 'SSLv3' is not one of TLSv1.2, TLSv1.3", assertThrows(ConfigException.class,
                () -> GsiSettings.from(ConfigFile.of(Map.of("gsi.tls-protocols", "TLSv1.2 SSLv3")))).getMessage());
    }
}
