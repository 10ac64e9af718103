package dev.wharf.deploy.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.deploy.RepoPaths;
import dev.wharf.deploy.e2e.Poll;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The operator image, started with host networking against a Fabric8 mock API server in CRUD mode on
 * loopback (no real cluster can run here, see {@link LoopbackApiServer}): it connects, checks its CRDs,
 * takes the leader Lease, starts its controllers, and only then reports ready; it reconciles a
 * StoragePool (writes its status). Without any API server it does not start at all (exit 1), so a
 * health check against a bare container would test nothing.
 */
@Tag("container")
class OperatorImageTest {
    private static final ResourceDefinitionContext POOLS = new ResourceDefinitionContext.Builder()
            .withGroup("wharf.dev").withVersion("v1alpha1").withKind("StoragePool").withPlural("storagepools").withNamespaced(false).build();

    private static LoopbackApiServer api;
    private static NamespacedKubernetesClient client;
    private static GenericContainer<?> operator;
    private static int httpPort;
    private static final StringBuffer LOG = new StringBuffer();

    @BeforeAll
    static void startApiServerAndOperator() throws IOException {
        String image = WharfImages.build().operator();
        api = new LoopbackApiServer("wharf-system");
        client = api.client();
        try (Stream<Path> crds = Files.list(RepoPaths.resolve("crds"))) {
            for (Path f : crds.filter(p -> p.toString().endsWith(".yml")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    client.resource(Serialization.unmarshal(in, CustomResourceDefinition.class)).create();
                }
            }
        }
        for (String ns : new String[] {"wharf-system", "wharf-data"}) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        httpPort = freePort();
        String apiUrl = api.url();
        operator = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withEnv(Map.of(
                        "QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", apiUrl,
                        "QUARKUS_KUBERNETES_CLIENT_NAMESPACE", "wharf-system",
                        "KUBERNETES_NAMESPACE", "wharf-system",
                        "QUARKUS_HTTP_HOST", "127.0.0.1",
                        "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                        "WHARF_APPLY_STRATEGY", "update",
                        "WHARF_SERVER_IMAGE", WharfImages.build().server(),
                        "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"))
                .withLogConsumer(frame -> LOG.append(frame.getUtf8String()))
                .withStartupAttempts(1)
                .waitingFor(Wait.forLogMessage(".*started in.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
        try {
            operator.start();
        } catch (RuntimeException e) {
            throw new AssertionError("the operator image did not start; its output:\n" + LOG, e);
        }
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.stop();
        }
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void answersItsHealthEndpointsOnceConnected() {
        String ready = Poll.until("/q/health/ready to answer 200", Duration.ofSeconds(90), () -> {
            HttpResponse<String> r = get("/q/health/ready");
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        }, () -> get("/q/health/ready").body() + "\n" + LOG);
        assertTrue(ready.contains("\"status\": \"UP\""), ready);
        assertEquals(200, get("/q/health/live").statusCode());
        assertTrue(get("/q/metrics").body().contains("jvm_"), "Prometheus metrics are served");
    }

    @Test
    void reconcilesAStoragePool() throws IOException {
        try (InputStream in = Files.newInputStream(RepoPaths.resolve("examples/storagepool-hostpath.yaml"))) {
            client.genericKubernetesResources(POOLS).resource(Serialization.unmarshal(in, GenericKubernetesResource.class)).create();
        }
        Object status = Poll.until("the operator to write the pool's status", Duration.ofSeconds(90), () -> {
            GenericKubernetesResource pool = client.genericKubernetesResources(POOLS).withName("scratch").get();
            return Optional.ofNullable(pool.getAdditionalProperties().get("status"));
        }, () -> Serialization.asJson(client.genericKubernetesResources(POOLS).withName("scratch").get()));
        // The mock has no nodes, so the pool cannot be Ready; the operator says why.
        assertTrue(status.toString().contains("observedGeneration=1"), status.toString());
        assertTrue(status.toString().contains("reason=NoMatchingNodes"), status.toString());
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("operator not answering on " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
