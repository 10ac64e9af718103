package dev.wharf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.server.admin.AdminEndpoint;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WharfServerTest {

    static int get(WharfServer server, String path) throws Exception {
        URI uri = URI.create("http://" + AdminEndpoint.hostPort(server.admin().localAddress()) + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void startsReadyAndStopsNotReady() throws Exception {
        WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "0")));
        server.start();
        try {
            assertEquals(200, get(server, "/readyz"));
            assertEquals(200, get(server, "/healthz"));
            assertTrue(server.context().tls().isSelfSigned());
        } finally {
            server.close();
        }
        assertTrue(server.awaitClosed(1, TimeUnit.SECONDS));
        assertTrue(server.context().ioGroup().isShutdown());
        server.close(); // a second close (SIGTERM hook after a test's close) is harmless
    }

    @Test
    void unknownKeysAreRefusedByNameBeforeAnythingBinds() {
        ConfigException e = assertThrows(ConfigException.class, () -> WharfServer.create(ConfigFile.parse(
                java.util.List.of("admin.port = 0", "anonymous.enabeld = true", "gridftp.enabled = true"), "server.conf")));
        assertEquals("server.conf: unknown keys anonymous.enabeld, gridftp.enabled (see docs/configuration.md;"
                + " keys of planned features are refused until they land)", e.getMessage());
    }

    @Test
    void badValuesOfOtherComponentsStopTheStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "anonymous.enabled", "true"))));
        assertTrue(e.getMessage().contains("needs anonymous.root"), e.getMessage());
    }

    @Test
    void aTakenAdminPortFailsTheStartAndReleasesEverything() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "" + taken.getLocalPort())));
            IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
            assertTrue(e.getMessage().contains("admin endpoint cannot bind"), e.getMessage());
            assertTrue(server.awaitClosed(5, TimeUnit.SECONDS));
        }
    }
}
