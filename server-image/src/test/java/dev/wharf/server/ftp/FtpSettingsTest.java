package dev.wharf.server.ftp;

import dev.wharf.config.ListFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.config.PortRange;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FtpSettingsTest {

    @Test
    void defaults() {
        FtpSettings s = FtpSettings.plain(ConfigFile.empty());
        assertEquals("ftp", s.door());
        assertEquals(2121, s.port());
        assertEquals("127.0.0.1", s.dataInterface().getHostAddress());
        assertEquals(new PortRange(20000, 25000), s.portRange());
        assertEquals(100, s.net().maxClients());
        assertEquals(20, s.net().maxPerAddress());
        assertEquals(25, s.net().reservedForAuthenticated());
        assertEquals(30, s.net().loginGrace().toSeconds());
        assertEquals(900, s.idleTimeout().toSeconds());
        assertEquals(ListFormat.LS_L, s.listFormat());
        assertTrue(s.overwrite());
        assertTrue(s.logAbortedTransfers());
        FtpSettings implicit = FtpSettings.implicitTls(ConfigFile.empty());
        assertEquals("ftps", implicit.door());
        assertEquals(2990, implicit.port());
        assertTrue(implicit.implicitTls());
    }

    @Test
    void dataInterfaceMayBeANicName() {
        FtpSettings s = FtpSettings.plain(ConfigFile.of(Map.of("data.interface", "lo")));
        assertEquals("127.0.0.1", s.dataInterface().getHostAddress());
        assertThrows(ConfigException.class,
                () -> FtpSettings.plain(ConfigFile.of(Map.of("data.interface", "no-such-nic0"))));
    }

    @Test
    void badValuesNameTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> FtpSettings.plain(ConfigFile.of(Map.of("ftp.list-format", "dos"))));
        assertTrue(e.getMessage().contains("ftp.list-format"));
        assertThrows(ConfigException.class,
                () -> FtpSettings.plain(ConfigFile.of(Map.of("net.allowed-subnets", "10.0.0.0/33"))));
    }
}
