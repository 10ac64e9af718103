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
import java.util.List;
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
        WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "ftp.port", "0")));
        server.start();
        try {
            assertEquals(List.of("ftp"), server.doors().stream().map(Door::name).toList(), "ftp on, ftps off by default");
            assertTrue(server.doors().get(0).localAddress().getPort() > 0);
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
                List.of("admin.port = 0", "ftp.port = 0", "anonymous.enabeld = true", "gridftp.enabeld = true"), "server.conf")));
        assertEquals("server.conf:3: unknown key anonymous.enabeld (did you mean anonymous.enabled?); every key is listed"
                + " in docs/configuration.md; server.conf:4: unknown key gridftp.enabeld (did you mean gridftp.enabled?);"
                + " every key is listed in docs/configuration.md", e.getMessage());
    }

    @Test
    void proxyProtocolWithoutTrustedProxiesStopsTheStartBeforeAnythingBinds() {
        ConfigException e = assertThrows(ConfigException.class, () -> WharfServer.create(ConfigFile.parse(
                List.of("admin.port = 0", "ftp.port = 0", "net.proxy-protocol = true"), "server.conf")));
        assertTrue(e.getMessage().contains("net.proxy-trusted must list"), e.getMessage());
    }

    @Test
    void bothFtpDoorsRunWhenEnabled() throws Exception {
        WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "ftp.port", "0",
                "ftps.enabled", "true", "ftps.port", "0")));
        server.start();
        try {
            assertEquals(List.of("ftp", "ftps"), server.doors().stream().map(Door::name).toList());
            assertTrue(server.metrics().scrape().contains("wharf_sessions{door=\"ftps\"} 0.0"));
        } finally {
            server.close();
        }
    }

    @Test
    void disabledDoorsStillKnowTheirKeys() throws Exception {
        WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "ftp.enabled", "false",
                "ftps.port", "2990", "limits.streams-per-client", "4"))); // the operator always renders the MODE E limit
        assertEquals(List.of(), server.doors());
        server.close();
    }

    @Test
    void badValuesOfOtherComponentsStopTheStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "ftp.port", "0", "anonymous.enabled", "true"))));
        assertTrue(e.getMessage().contains("needs anonymous.root"), e.getMessage());
    }

    @Test
    void aTakenAdminPortFailsTheStartAndReleasesEverything() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "" + taken.getLocalPort(),
                    "ftp.port", "0")));
            IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
            assertTrue(e.getMessage().contains("admin endpoint cannot bind"), e.getMessage());
            assertTrue(server.awaitClosed(5, TimeUnit.SECONDS));
        }
    }
}
