package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.PodStatus;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.UpdateStrategy;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rollouts the user asked for, and what a user sees of pods they cannot read (issue 16, sections 3 and 4). */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class RolloutReconcileTest extends FreshNamespaceReconcileTest {

    @Test
    void aServerOnTwoNodesGetsADisruptionBudgetThatGoesWithTheSecondNode() {
        TransferServer ts = create("pdb", 2, UpdateStrategy.ROLLING);
        PodDisruptionBudget pdb = await().atMost(Duration.ofSeconds(20)).until(() -> budget(ts), b -> b != null);
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());

        client.resources(TransferServer.class).inNamespace(ns).withName("pdb").edit(t -> {
            t.getSpec().nodes = 1;
            return t;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> budget(ts) == null);
    }

    @Test
    void readyOnlyWhenEveryPodRunsTheCurrentTemplateAndOnDeleteSaysWhoMustRestart() {
        TransferServer ts = create("roll", 2, UpdateStrategy.ON_DELETE);
        StatefulSet sts = await().atMost(Duration.ofSeconds(20)).until(() -> statefulSet(ts), s -> s != null);
        assertEquals("OnDelete", sts.getSpec().getUpdateStrategy().getType());
        node("node-a");
        node("node-b");
        sts.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder().withReplicas(2)
                .withObservedGeneration(sts.getMetadata().getGeneration()).withUpdateRevision("r2").withCurrentRevision("r1").build());
        client.resource(sts).updateStatus();
        client.resource(pod(ts, "roll-0", "node-a", "r2")).create();
        client.resource(pod(ts, "roll-1", "node-b", "r1")).create();

        TransferServer waiting = awaitStatus("roll", s -> condition(s, "Ready").getReason().equals("RolloutInProgress"));
        assertEquals("False", condition(waiting, "Ready").getStatus());
        assertEquals("1/2 updated", condition(waiting, "Ready").getMessage());
        Condition progressing = condition(waiting, "Progressing");
        assertEquals("WaitingForRestart", progressing.getReason());
        assertTrue(progressing.getMessage().contains("roll-1"), progressing.getMessage());
        assertEquals(Boolean.TRUE, entry(waiting, "roll-1").outdated);
        assertEquals(null, entry(waiting, "roll-0").outdated);

        client.pods().inNamespace(DATA_PLANE).withName("roll-1").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace(DATA_PLANE).withName("roll-1").get() == null);
        client.resource(pod(ts, "roll-1", "node-b", "r2")).create();
        TransferServer ready = awaitStatus("roll", s -> "True".equals(condition(s, "Ready").getStatus()));
        assertEquals(2, ready.getStatus().endpoints.size());
    }

    @Test
    void podsThatCannotRunTellTheUserWhy() {
        TransferServer ts = create("why", 1, UpdateStrategy.ROLLING);
        String scheduler = "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports.";
        client.resource(new PodBuilder().withNewMetadata().withName("why-0").withNamespace(DATA_PLANE)
                .withLabels(ObjectNames.labels(ts)).withAnnotations(ObjectNames.ownerAnnotations(ts)).endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage("x").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage(scheduler).endCondition().endStatus()
                .build()).create();
        TransferServer pending = awaitStatus("why", s -> s.getStatus().pods.size() == 1 && s.getStatus().pods.get(0).pendingReason != null);
        assertEquals(scheduler, pending.getStatus().pods.get(0).pendingReason);
        assertEquals("Pending", pending.getStatus().pods.get(0).phase);
        assertTrue(pending.getStatus().endpoints.isEmpty(), "no endpoint without a ready pod");
    }

    @Test
    void aReadyPodOnANodeThatStoppedReportingIsNoEndpoint() {
        TransferServer ts = create("lost", 1, UpdateStrategy.ROLLING);
        client.resource(new NodeBuilder().withNewMetadata().withName("node-lost").endMetadata().withNewStatus().addNewCondition()
                .withType("Ready").withStatus("Unknown").endCondition().endStatus().build()).create();
        client.resource(pod(ts, "lost-0", "node-lost", "r1")).create();
        TransferServer seen = awaitStatus("lost", s -> s.getStatus().pods.size() == 1);
        assertTrue(seen.getStatus().endpoints.isEmpty(), "endpoints: " + seen.getStatus().endpoints.size());
    }

    @Test
    void eventsOfTheServersPodsAppearOnTheTransferServerOnce() {
        TransferServer ts = create("ev", 1, UpdateStrategy.ROLLING);
        String pod = ObjectNames.workload(ts) + "-0";
        String why = "0/3 nodes are available: 3 Insufficient cpu.";
        client.v1().events().inNamespace(DATA_PLANE).resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata().withName(pod + ".1").withNamespace(DATA_PLANE).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(pod).withNamespace(DATA_PLANE).endInvolvedObject()
                .withType("Warning").withReason("FailedScheduling").withMessage(why).withCount(3)
                .withFirstTimestamp("2026-12-07T19:00:00Z").withLastTimestamp("2026-12-07T19:01:00Z").build()).create();
        client.v1().events().inNamespace(DATA_PLANE).resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata().withName("someone-else-0.1").withNamespace(DATA_PLANE).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(pod + "x-0").withNamespace(DATA_PLANE).endInvolvedObject()
                .withType("Warning").withReason("Unrelated").withMessage("not ours").build()).create();

        var mirrored = await().atMost(Duration.ofSeconds(20)).until(() -> client.v1().events().inNamespace(ns).list().getItems()
                .stream().filter(e -> "FailedScheduling".equals(e.getReason())).toList(), l -> !l.isEmpty());
        assertEquals(1, mirrored.size());
        assertEquals("pod " + pod + ": " + why, mirrored.get(0).getMessage());
        assertEquals("Warning", mirrored.get(0).getType());
        assertEquals("TransferServer", mirrored.get(0).getInvolvedObject().getKind());
        assertEquals("ev", mirrored.get(0).getInvolvedObject().getName());
        assertTrue(client.v1().events().inNamespace(ns).list().getItems().stream().noneMatch(e -> "Unrelated".equals(e.getReason())));
    }

    private TransferServer create(String name, int nodes, UpdateStrategy strategy) {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        TransferServer ts = Fixtures.server(ns, name, poolName, "tls");
        ts.getSpec().nodes = nodes;
        ts.getSpec().updateStrategy = strategy;
        return client.resource(ts).create();
    }

    private void node(String name) {
        if (client.nodes().withName(name).get() == null) {
            client.resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().withNewStatus().addNewCondition()
                    .withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
        }
    }

    private static Pod pod(TransferServer ts, String name, String node, String revision) {
        Map<String, String> labels = new java.util.HashMap<>(ObjectNames.labels(ts));
        labels.put("controller-revision-hash", revision);
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(DATA_PLANE)
                .withLabels(labels).withAnnotations(ObjectNames.ownerAnnotations(ts)).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("server").withImage("x").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build();
    }

    private StatefulSet statefulSet(TransferServer ts) {
        return client.apps().statefulSets().inNamespace(DATA_PLANE).withName(ObjectNames.workload(ts)).get();
    }

    private PodDisruptionBudget budget(TransferServer ts) {
        return client.policy().v1().podDisruptionBudget().inNamespace(DATA_PLANE).withName(ObjectNames.workload(ts)).get();
    }

    private static Condition condition(TransferServer ts, String type) {
        return TransferServerReconcilerTest.condition(ts, type).orElseThrow();
    }

    private static PodStatus entry(TransferServer ts, String pod) {
        return ts.getStatus().pods.stream().filter(p -> pod.equals(p.name)).findFirst().orElseThrow();
    }
}
