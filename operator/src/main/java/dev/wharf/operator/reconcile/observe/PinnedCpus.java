package dev.wharf.operator.reconcile.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.wharf.operator.render.topology.CpuList;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPUs a transfer server pinned its threads to, as it reports them on its admin endpoint:
 * {@code GET http://<pod IP>:<admin port>/status} answers JSON whose {@code threads} section lists
 * every pinned thread and its CPUs (docs/operator.md, "Pinned CPUs"). The pods use host networking and bind the admin endpoint on
 * every address, so the pod IP reaches it. Asked only of ready pods, with short timeouts; an answer is
 * remembered per container start (pinning is decided once at server start), a failure for a minute.
 */
@ApplicationScoped
public class PinnedCpus {

    private static final Logger LOG = LoggerFactory.getLogger(PinnedCpus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** An unreachable or silent pod is asked again only after this, so it cannot slow every pass. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    private final Map<String, String> byStart = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();

    /** The pod's pinned CPUs, or empty when unknown (not ready, not reachable, not reported). */
    public Optional<String> of(Pod pod, boolean ready, Integer adminPort) {
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (!ready || ip == null || adminPort == null) {
            return Optional.empty();
        }
        String start = pod.getMetadata().getUid() + "/" + restarts(pod);
        String known = byStart.get(start);
        if (known != null) {
            return Optional.of(known);
        }
        Instant failed = failedAt.get(start);
        if (failed != null && failed.plus(RETRY_AFTER).isAfter(Instant.now())) {
            return Optional.empty();
        }
        Optional<String> asked = ask(ip, adminPort);
        asked.ifPresentOrElse(cpus -> {
            byStart.put(start, cpus);
            failedAt.remove(start);
        }, () -> failedAt.put(start, Instant.now()));
        return asked;
    }

    private Optional<String> ask(String ip, int port) {
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/status"))
                .timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return fromStatus(JSON.readTree(response.body()));
        } catch (IOException e) {
            LOG.debug("no /status from {}:{}: {}", ip, port, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The union of the CPUs the server's live threads are pinned to, from its {@code /status} JSON
     * ({@code threads} section, written by the server's CpuPinning): empty when pinning is off or no
     * thread reports CPUs.
     */
    static Optional<String> fromStatus(JsonNode status) {
        JsonNode section = status.path("threads");
        if ("none".equals(section.path("pinning").asText())) {
            return Optional.empty();
        }
        BitSet cpus = new BitSet();
        for (JsonNode thread : section.path("threads")) {
            String list = thread.path("cpus").asText("");
            if (!list.isBlank()) {
                cpus.or(CpuList.parse(list));
            }
        }
        return cpus.isEmpty() ? Optional.empty() : Optional.of(CpuList.format(cpus));
    }

    private static int restarts(Pod pod) {
        return pod.getStatus().getContainerStatuses() == null ? 0
                : pod.getStatus().getContainerStatuses().stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
    }
}
