package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.PoolNode;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The StoragePool reconciler against the Fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class StoragePoolReconcilerTest {

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    String poolName;

    @BeforeEach
    void names() {
        poolName = "pool-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void reportsMatchingNodesRunsTheAgentAndReadsItsTopology() {
        node("a-" + poolName, true);
        node("b-" + poolName, true);
        node("c-" + poolName, false);
        StoragePool pool = client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();

        StoragePool ready = awaitStatus(p -> p.getStatus().nodeCount != null && p.getStatus().nodeCount == 2);
        assertEquals(List.of("a-" + poolName, "b-" + poolName), ready.getStatus().nodes.stream().map(n -> n.name).toList());
        assertEquals("eth0", ready.getStatus().nodes.get(0).dataInterface);
        assertEquals("True", condition(ready, "Ready").getStatus());
        assertEquals("0/89", ready.getStatus().controlPortsInUse);

        DaemonSet agent = client.apps().daemonSets().inNamespace(TransferServerReconcilerTest.DATA_PLANE)
                .withName(TopologyAgentRenderer.name(poolName)).get();
        assertEquals(pool.getMetadata().getUid(), agent.getMetadata().getOwnerReferences().get(0).getUid(),
                "the garbage collector removes the agent with the pool");

        String agentPod = "agent-" + poolName;
        server.expect().get()
                .withPath("/api/v1/namespaces/wharf-data/pods/" + agentPod + "/log?pretty=false&container=topology")
                .andReturn(200, "starting\n{\"version\":1,\"nodes\":[{\"id\":0,\"cpus\":\"0-3\"},{\"id\":1,\"cpus\":\"4-7\"}],"
                        + "\"interfaces\":[{\"name\":\"eth0\",\"numaNode\":1,\"localCpus\":\"4-7\"}],"
                        + "\"storage\":{\"device\":\"nvme0n1\",\"numaNode\":1,\"localCpus\":\"4-7\"}}\n")
                .always();
        client.resource(Fixtures.topologyAgent(agentPod, poolName, "a-" + poolName)).create();
        StoragePool reported = awaitStatus(p -> p.getStatus().nodes.get(0).numaNodes != null);
        PoolNode a = reported.getStatus().nodes.get(0);
        assertEquals(2, a.numaNodes);
        assertEquals(1, a.nicNumaNode);
        assertEquals(Boolean.TRUE, a.aligned);
        assertEquals(null, reported.getStatus().nodes.get(1).numaNodes, "no report from node b yet");
    }

    @Test
    void aPoolWithoutNodesIsNotReady() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        StoragePool pool = awaitStatus(p -> !p.getStatus().conditions.isEmpty());
        assertEquals("NoMatchingNodes", condition(pool, "Ready").getReason());
        assertEquals(0, pool.getStatus().nodeCount);
    }

    @Test
    void listsThePortsItsTransferServersHold() {
        String ns = "team-" + poolName;
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.server(ns, "one", poolName, null)).create();
        StoragePool pool = awaitStatus(p -> p.getStatus().allocations.size() == 1);
        assertEquals(ns + "/one", pool.getStatus().allocations.get(0).transferServer);
        assertEquals("2/89", pool.getStatus().controlPortsInUse, "ftp and admin");
        assertTrue(pool.getStatus().dataPortsInUse.startsWith("100/"));
    }

    @Test
    void aPoolInUseIsNotDeletedUntilItsLastServerIsGone() {
        String ns = "team-" + poolName;
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        TransferServer one = client.resource(Fixtures.server(ns, "one", poolName, null)).create();
        TransferServer two = client.resource(Fixtures.server(ns, "two", poolName, null)).create();
        StoragePool pool = awaitStatus(p -> p.getStatus().usedBy.size() == 2);
        assertTrue(pool.getMetadata().getFinalizers().stream().anyMatch(f -> f.contains("storagepool")), pool.getMetadata().getFinalizers().toString());
        assertEquals(1, pool.getStatus().namespaces.size());
        assertEquals(ns, pool.getStatus().namespaces.get(0).namespace);
        assertEquals(4, pool.getStatus().namespaces.get(0).cpus, "two servers of 2 cpus on 1 node");

        for (TransferServer ts : List.of(one, two)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> client.resource(ts).get(),
                    t -> t.getStatus() != null && t.getStatus().allocation != null);
        }
        client.resource(pool).delete();
        StoragePool held = awaitStatus(p -> p.getMetadata().getDeletionTimestamp() != null
                && p.getStatus().conditions.stream().anyMatch(c -> "InUse".equals(c.getReason())));
        assertEquals(List.of(ns + "/one", ns + "/two"), held.getStatus().usedBy);
        assertTrue(condition(held, "Degraded").getMessage().contains("still used by " + ns + "/one, " + ns + "/two"));

        TransferServer told = await().atMost(Duration.ofSeconds(20)).until(() -> client.resource(two).get(),
                t -> t.getStatus() != null && t.getStatus().conditions.stream()
                        .anyMatch(c -> "Degraded".equals(c.getType()) && "PoolDeleting".equals(c.getReason())));
        assertTrue(told.getStatus().conditions.stream().anyMatch(c -> c.getMessage().contains("move this server to another pool")));
        assertTrue(told.getStatus().allocation != null, "a server that was running keeps its ports meanwhile");

        client.resource(one).delete();
        awaitStatus(p -> p.getStatus().usedBy.equals(List.of(ns + "/two")));
        assertTrue(client.resources(StoragePool.class).withName(poolName).get() != null, "still held by two");
        client.resource(two).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> client.resources(StoragePool.class).withName(poolName).get() == null);
    }

    private void node(String name, boolean inPool) {
        client.resource(new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(inPool ? Map.of("wharf.dev/pool-" + poolName, "true") : Map.of()).endMetadata().build()).create();
    }

    private StoragePool awaitStatus(Predicate<StoragePool> test) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.resources(StoragePool.class).withName(poolName).get(),
                        p -> p != null && p.getStatus() != null && test.test(p));
    }

    private static Condition condition(StoragePool pool, String type) {
        return pool.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }
}
