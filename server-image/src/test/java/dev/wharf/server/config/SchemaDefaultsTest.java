package dev.wharf.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.admin.AdminSettings;
import dev.wharf.server.dcap.DcapSettings;
import dev.wharf.server.ftp.FtpSettings;
import org.junit.jupiter.api.Test;

/**
 * The defaults and bounds the settings records still spell out themselves agree with the declared
 * schema (and so with docs/configuration.md and the operator), until the records take them from it.
 */
class SchemaDefaultsTest {

    private static String declared(String key) {
        return ServerConfSchema.require(key).defaultValue();
    }

    @Test
    void portsAndLimitsOfAnEmptyConfigurationAreTheDeclaredDefaults() {
        FtpSettings ftp = FtpSettings.plain(ConfigFile.empty());
        assertEquals(declared("ftp.port"), String.valueOf(ftp.port()));
        assertEquals(declared("ftps.port"), String.valueOf(FtpSettings.implicitTls(ConfigFile.empty()).port()));
        assertEquals(declared("gridftp.port"), String.valueOf(FtpSettings.gridftp(ConfigFile.empty()).port()));
        assertEquals(declared("admin.port"), String.valueOf(AdminSettings.DEFAULT_PORT));
        assertEquals(declared("dcap.port"), String.valueOf(DcapSettings.DEFAULT_PORT));
        assertEquals(declared("gsidcap.port"), String.valueOf(DcapSettings.DEFAULT_GSI_PORT));
        assertEquals(ServerConfSchema.require("dcap.port").values().max(), DcapSettings.HIGHEST_DOOR_PORT);
        assertEquals(declared("limits.clients"), String.valueOf(ftp.net().maxClients()));
        assertEquals(declared("limits.clients-per-address"), String.valueOf(ftp.net().maxPerAddress()));
        assertEquals(declared("limits.login-grace"), String.valueOf(ftp.net().loginGrace().toSeconds()));
        assertEquals(declared("dcap.anonymous-max-hole"), String.valueOf(DcapSettings.DEFAULT_ANONYMOUS_MAX_HOLE));
        assertEquals(declared("limits.idle-timeout"), String.valueOf(ftp.idleTimeout().toSeconds()));
        assertEquals(declared("limits.streams-per-client"), String.valueOf(FtpSettings.DEFAULT_STREAMS_PER_CLIENT));
        assertEquals(ServerConfSchema.require("limits.streams-per-client").values().max(), FtpSettings.MAX_STREAMS_PER_CLIENT);
        assertEquals(declared("transfer.overwrite"), String.valueOf(ftp.overwrite()));
    }
}
