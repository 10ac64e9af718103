package dev.wharf.server.krb;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.WharfServer;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up of the Kerberos doors from server.conf: what is refused, with a message naming the fix. */
class KrbDoorsStartTest {

    @TempDir
    Path tmp;

    Map<String, String> base(boolean enabled) throws Exception {
        Map<String, String> values = new HashMap<>(TestKeytab.serverKeys(tmp));
        values.putAll(Map.of("admin.port", "0", "ftp.enabled", "false", "krbftp.enabled", String.valueOf(enabled),
                "krbftp.port", "0", "storage.root", Files.createDirectories(tmp.resolve("root")).toString(),
                "control.interface", "127.0.0.1"));
        return values;
    }

    @Test
    void kerberosKeysWithTheDoorsOffAreNotUnusedKeys() throws Exception {
        WharfServer.create(ConfigFile.of(base(false))).close();
    }

    @Test
    void aKeytabWithoutTheDoorsPrincipalStopsTheStart() throws Exception {
        Map<String, String> values = base(true);
        values.put("krb.service-principal", "ftp/elsewhere.example.org@" + TestKdc.REALM);
        ConfigException e = assertThrows(ConfigException.class, () -> WharfServer.create(ConfigFile.of(values)).close());
        assertTrue(e.getMessage().contains("has no key for ftp/elsewhere.example.org@WHARF.TEST")
                && e.getMessage().contains("ktadd"), e.getMessage());
    }

    @Test
    void aMissingKeytabStopsTheStart() throws Exception {
        Map<String, String> values = base(true);
        values.put("krb.keytab", tmp.resolve("nowhere.keytab").toString());
        ConfigException e = assertThrows(ConfigException.class, () -> WharfServer.create(ConfigFile.of(values)).close());
        assertTrue(e.getMessage().contains("krb.keytab") && e.getMessage().contains("not a readable file"), e.getMessage());
    }
}
