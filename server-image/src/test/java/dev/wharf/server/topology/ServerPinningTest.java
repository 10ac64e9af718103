package dev.wharf.server.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.server.WharfServer;
import dev.wharf.server.admin.AdminEndpoint;
import dev.wharf.server.config.ConfigFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole server: its threads are pinned by the plan, and /status and /metrics show it. */
class ServerPinningTest {

    private static String get(WharfServer server, String path) throws Exception {
        URI uri = URI.create("http://" + AdminEndpoint.hostPort(server.admin().localAddress()) + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void serverThreadsFollowThePlanAndReportIt() throws Exception {
        WharfServer server = WharfServer.create(ConfigFile.of(Map.of("admin.port", "0", "threads.pinning", "auto")));
        server.start();
        try {
            // serving this request has started the admin endpoint's accept and I/O event loops
            JsonNode status = new ObjectMapper().readTree(get(server, "/status"));
            JsonNode threads = status.get("threads");
            assertEquals("auto", threads.get("pinning").asText());
            CpuSet allowed = CpuSet.parse(threads.get("allowedCpus").asText());
            CpuSet net = CpuSet.parse(threads.get("roles").get("net").get("cpus").asText());
            assertTrue(allowed.containsAll(net));
            assertFalse(threads.get("threads").isEmpty(), threads.toString());
            boolean sawNet = false;
            for (JsonNode t : threads.get("threads")) {
                assertEquals(CpuSet.parse(t.get("cpus").asText()), CpuPinningTest.affinityOf(t.get("tid").asInt()),
                        t.toString());
                sawNet |= t.get("role").asText().equals("net");
            }
            assertTrue(sawNet, threads.toString());
            assertTrue(status.get("privileges").get("capabilities").has("CAP_SYS_NICE"), status.toString());
            String metrics = get(server, "/metrics");
            assertTrue(metrics.contains("wharf_threads_plan_cpus{device=\"lo\",role=\"net\"} " + net.size()),
                    metrics);
        } finally {
            server.close();
        }
    }
}
