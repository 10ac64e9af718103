package dev.wharf.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wharf.server.Transport;
import dev.wharf.server.config.ConfigException;
import dev.wharf.server.config.ConfigFile;
import dev.wharf.server.metrics.MicrometerServerMetrics;
import dev.wharf.server.net.CidrSet;
import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * admin.allowed-subnets: /metrics and /status (sessions' clients and users) answer only the listed
 * addresses; the probes answer everyone, so the kubelet needs no entry and a client of the data ports
 * learns nothing but up or down.
 */
class AdminAccessTest {

    private final Transport transport = Transport.best();
    private final EventLoopGroup group = transport.newGroup(1, r -> new Thread(r, "admin-access-test"));
    private final HttpClient http = HttpClient.newHttpClient();
    private AdminEndpoint endpoint;

    private void start(CidrSet clients) throws Exception {
        MicrometerServerMetrics metrics = new MicrometerServerMetrics();
        endpoint = new AdminEndpoint(new AdminSettings("127.0.0.1", 0, false, clients), transport, group, group, new Readiness(),
                metrics::scrape, MicrometerServerMetrics.contentType(), new StatusSections());
        endpoint.start();
    }

    private int get(String path) throws Exception {
        URI uri = URI.create("http://" + AdminEndpoint.hostPort(endpoint.localAddress()) + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @AfterEach
    void tearDown() {
        if (endpoint != null) {
            endpoint.close();
        }
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void anAddressOutsideTheSubnetsGetsOnlyTheProbes() throws Exception {
        start(CidrSet.parse(List.of("10.244.0.0/16")));
        assertEquals(403, get("/status"));
        assertEquals(403, get("/metrics"));
        assertEquals(403, get("/status?x=1"));
        assertEquals(200, get("/healthz"));
        assertEquals(503, get("/readyz"), "answered (starting), not refused");
    }

    @Test
    void anAddressInsideTheSubnetsReadsEverything() throws Exception {
        start(CidrSet.parse(List.of("10.244.0.0/16", "127.0.0.0/8")));
        assertEquals(200, get("/status"));
        assertEquals(200, get("/metrics"));
    }

    @Test
    void theKeyIsReadFromServerConfAndABadBlockNamesIt() {
        AdminSettings s = AdminSettings.fromConfig(ConfigFile.of(Map.of("admin.allowed-subnets", "10.244.0.0/16, 127.0.0.1")));
        assertEquals(2, s.statusClients().blocks().size());
        ConfigException e = assertThrows(ConfigException.class,
                () -> AdminSettings.fromConfig(ConfigFile.of(Map.of("admin.allowed-subnets", "pods.example"))));
        assertEquals("map: admin.allowed-subnets: 'pods.example' is not an IP address or CIDR block (e.g. 10.0.0.0/8,"
                + " 2001:db8::/32; prefix at most 32 for IPv4, 128 for IPv6)", e.getMessage());
    }
}
