package dev.wharf.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin endpoint's pages as a function from (method, URI) to a response, so they are tested
 * without sockets. GET and HEAD only; query strings are ignored.
 * <ul>
 * <li>{@code /healthz}: 200 while the process can answer at all;</li>
 * <li>{@code /readyz}: 200 once every enabled door is bound, 503 before that and once shutdown begins;</li>
 * <li>{@code /metrics}: Prometheus text format;</li>
 * <li>{@code /status}: JSON with the state, uptime and every {@link StatusSections} section.</li>
 * </ul>
 */
public final class AdminRoutes {

    private final Readiness readiness;
    private final Supplier<String> metrics;
    private final String metricsContentType;
    private final StatusSections sections;
    private final ObjectMapper json = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public AdminRoutes(Readiness readiness, Supplier<String> metrics, String metricsContentType, StatusSections sections) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.metricsContentType = metricsContentType;
        this.sections = sections;
    }

    /** The kubelet's probes: they tell only up or down, so they answer every address. */
    public static boolean isProbe(String uri) {
        String path = new QueryStringDecoder(uri).path();
        return path.equals("/healthz") || path.equals("/readyz");
    }

    public AdminResponse handle(HttpMethod method, String uri) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return AdminResponse.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD\n");
        }
        String path = new QueryStringDecoder(uri).path();
        return switch (path) {
            case "/healthz" -> AdminResponse.text(HttpResponseStatus.OK, "ok\n");
            case "/readyz" -> readiness.isReady()
                    ? AdminResponse.text(HttpResponseStatus.OK, "ready\n")
                    : AdminResponse.text(HttpResponseStatus.SERVICE_UNAVAILABLE,
                            readiness.state().name().toLowerCase(java.util.Locale.ROOT) + "\n");
            case "/metrics" -> new AdminResponse(HttpResponseStatus.OK, metricsContentType,
                    metrics.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "/status" -> new AdminResponse(HttpResponseStatus.OK, AdminResponse.JSON, status());
            case "/" -> AdminResponse.text(HttpResponseStatus.OK, "/healthz /readyz /metrics /status\n");
            default -> AdminResponse.text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n");
        };
    }

    private byte[] status() {
        ObjectNode root = json.createObjectNode();
        root.put("state", readiness.state().name().toLowerCase(java.util.Locale.ROOT));
        root.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        for (Map.Entry<String, Object> section : sections.snapshot().entrySet()) {
            try {
                root.set(section.getKey(), json.valueToTree(section.getValue()));
            } catch (IllegalArgumentException e) {
                root.set(section.getKey(), json.createObjectNode().put("error", "not serialisable: " + e.getMessage()));
            }
        }
        try {
            return (json.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("status tree did not serialise", e);
        }
    }
}
