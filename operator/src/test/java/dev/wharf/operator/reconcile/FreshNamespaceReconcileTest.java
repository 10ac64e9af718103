package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;

import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;

/**
 * TransferServer reconciler tests against the Fabric8 mock API server, which one Quarkus application
 * (and so one operator) serves for every test: each test gets its own team namespace and pool name, so
 * that it never sees, or waits on, another test's objects.
 */
abstract class FreshNamespaceReconcileTest {

    static final String DATA_PLANE = "wharf-data";

    @Inject
    KubernetesClient client;

    String ns;
    String poolName;

    @BeforeEach
    void names() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        ns = "team-" + id;
        poolName = "pool-" + id;
    }

    TransferServer awaitStatus(String name, Predicate<TransferServer> test) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.resources(TransferServer.class).inNamespace(ns).withName(name).get(),
                        t -> t != null && t.getStatus() != null && test.test(t));
    }

    /** What the operator made for {@code ts}, in the data plane and in the team namespace. */
    List<HasMetadata> owned(TransferServer ts) {
        return new ManagedObjects(client, null).find(ManagedObjects.selector(ts), List.of(DATA_PLANE, ns));
    }
}
