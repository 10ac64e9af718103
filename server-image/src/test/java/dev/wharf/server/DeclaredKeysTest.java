package dev.wharf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.config.ServerConfSchema;
import dev.wharf.server.config.ConfigFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key a settings record of the server reads is declared in dev.wharf.config.ServerConfSchema (and so
 * in docs/configuration.md): a key added to a settings record without its declaration fails here, not in
 * a user's start-up. Doors that need credentials (gsiftp, gsidcap) are not started; their keys are read
 * by the same settings classes as the others'.
 */
class DeclaredKeysTest {

    @TempDir
    Path root;

    @Test
    void everyKeyTheServerReadsIsDeclared() throws Exception {
        ConfigFile config = ConfigFile.of(Map.of("admin.port", "0", "ftp.port", "0", "ftps.enabled", "true",
                "ftps.port", "0", "dcap.enabled", "true", "dcap.port", "0", "storage.root", root.toString()));
        WharfServer server = WharfServer.create(config);
        try {
            Set<String> undeclared = new TreeSet<>(config.readKeys());
            undeclared.removeIf(k -> ServerConfSchema.key(k).isPresent());
            assertEquals(Set.of(), undeclared, "read by the server but not declared in ServerConfSchema");
        } finally {
            server.close();
        }
    }
}
