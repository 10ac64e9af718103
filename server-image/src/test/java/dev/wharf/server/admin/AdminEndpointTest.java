package dev.wharf.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.server.Transport;
import dev.wharf.server.metrics.MicrometerServerMetrics;
import io.netty.channel.EventLoopGroup;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminEndpointTest {

    final Transport transport = Transport.best();
    final EventLoopGroup group = transport.newGroup(1, r -> new Thread(r, "admin-test"));
    final Readiness readiness = new Readiness();
    final MicrometerServerMetrics metrics = new MicrometerServerMetrics();
    final HttpClient http = HttpClient.newHttpClient();
    AdminEndpoint endpoint;

    AdminEndpoint start(AdminSettings settings) throws Exception {
        AdminEndpoint e = new AdminEndpoint(settings, transport, group, group, readiness, metrics::scrape,
                MicrometerServerMetrics.contentType(), new StatusSections());
        e.start();
        return e;
    }

    @BeforeEach
    void setUp() throws Exception {
        endpoint = start(new AdminSettings("127.0.0.1", 0, false));
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://" + AdminEndpoint.hostPort(endpoint.localAddress()) + path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswersWhateverTheReadiness() throws Exception {
        assertEquals(200, send("GET", "/healthz").statusCode());
        readiness.stopping();
        assertEquals(200, send("GET", "/healthz").statusCode());
    }

    @Test
    void readyzFollowsStartingReadyStopping() throws Exception {
        HttpResponse<String> starting = send("GET", "/readyz");
        assertEquals(503, starting.statusCode());
        assertEquals("starting\n", starting.body());
        readiness.ready();
        assertEquals(200, send("GET", "/readyz").statusCode());
        readiness.stopping();
        HttpResponse<String> stopping = send("GET", "/readyz");
        assertEquals(503, stopping.statusCode());
        assertEquals("stopping\n", stopping.body());
        readiness.ready();
        assertEquals(503, send("GET", "/readyz").statusCode(), "never ready again once stopping");
    }

    @Test
    void metricsArePrometheusTextWithItsContentType() throws Exception {
        metrics.login("ftp", "success");
        HttpResponse<String> response = send("GET", "/metrics?name[]=x");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        assertTrue(response.body().contains("wharf_logins_total{door=\"ftp\",result=\"success\"} 1.0"), response.body());
    }

    @Test
    void statusIsJsonWithContributedSectionsAndIsolatesBrokenOnes() throws Exception {
        readiness.ready();
        endpoint.addStatusSection("threads", () -> Map.of("net", List.of(0, 1)));
        endpoint.addStatusSection("broken", () -> {
            throw new IllegalStateException("plan not computed");
        });
        endpoint.addStatusSection("opaque", Object::new);
        HttpResponse<String> response = send("GET", "/status");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode status = new ObjectMapper().readTree(response.body());
        assertEquals("ready", status.get("state").asText());
        assertTrue(status.get("uptimeSeconds").isNumber());
        assertEquals(1, status.get("threads").get("net").get(1).asInt());
        assertEquals("plan not computed", status.get("broken").get("error").asText());
        assertTrue(status.get("opaque").isObject());
    }

    @Test
    void unknownPathsOtherMethodsAndHeadAreAnswered() throws Exception {
        assertEquals(404, send("GET", "/nope").statusCode());
        HttpResponse<String> post = send("POST", "/readyz");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("allow").orElseThrow());
        HttpResponse<String> head = send("HEAD", "/healthz");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void garbageGets400AndTheEndpointKeepsServing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", endpoint.localAddress().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("\u0016\u0003\u0001 not http at all\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        }
        assertEquals(200, send("GET", "/healthz").statusCode());
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", endpoint.localAddress().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String replies = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(replies.startsWith("HTTP/1.1 200 OK"), replies);
            assertTrue(replies.contains("HTTP/1.1 503 Service Unavailable"), replies);
        }
    }

    @Test
    void aTakenPortFailsUnlessFallbackIsOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> start(new AdminSettings("127.0.0.1", taken.getLocalPort(), false)));
            assertTrue(e.getMessage().contains("cannot bind 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            AdminEndpoint fallback = start(new AdminSettings("127.0.0.1", taken.getLocalPort(), false).withFallbackToFreePort());
            try {
                assertNotEquals(taken.getLocalPort(), fallback.localAddress().getPort());
                assertTrue(fallback.localAddress().getPort() > 0);
            } finally {
                fallback.close();
            }
        }
    }
}
