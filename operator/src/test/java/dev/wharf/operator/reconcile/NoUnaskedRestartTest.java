package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.topology.TopologyAgentRenderer;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Changes nobody asked to restart for leave the running pod template alone (issue 16, section 3). */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class NoUnaskedRestartTest extends FreshNamespaceReconcileTest {

    @KubernetesTestServer
    KubernetesServer server;

    @Test
    void aChangedPasswordFileReachesTheRunningPodWithoutARoll() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(passwd("alice:$6$salt$hash:1000:100::/alice:/sbin/nologin\n")).create();
        TransferServer ts = Fixtures.server(ns, "pw", poolName, null);
        ts.getSpec().authentication = new dev.wharf.operator.api.Authentication();
        ts.getSpec().authentication.passwordFile = new SecretKeyRef("users", null);
        TransferServer created = client.resource(ts).create();
        StatefulSet before = await().atMost(Duration.ofSeconds(20)).until(() -> statefulSet(created), s -> s != null);

        client.resource(passwd("alice:$6$salt$hash:1000:100::/alice:/sbin/nologin\nbob:$6$salt$other:1001:100::/bob:/sbin/nologin\n"))
                .update();
        await().atMost(Duration.ofSeconds(20)).until(() -> credentials(created).getData().get("passwd"),
                p -> p != null && new String(java.util.Base64.getDecoder().decode(p)).contains("bob:"));
        settle();
        StatefulSet after = statefulSet(created);
        assertEquals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion(),
                "the StatefulSet was not touched");
        assertEquals(before.getSpec().getTemplate(), after.getSpec().getTemplate());
    }

    /** Issue 19: the server re-reads its keytab, so a new key version (kvno) must not restart transfers. */
    @Test
    void aNewKeytabReachesTheRunningPodWithoutARoll() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(keytab((byte) 1)).create();
        TransferServer ts = Fixtures.server(ns, "krb", poolName, null);
        ts.getSpec().doors = new dev.wharf.operator.api.Doors().with(dev.wharf.operator.api.DoorType.KRBFTP,
                dev.wharf.operator.api.Door.auto());
        ts.getSpec().authentication = new dev.wharf.operator.api.Authentication();
        ts.getSpec().authentication.kerberos = new dev.wharf.operator.api.Kerberos();
        ts.getSpec().authentication.kerberos.keytabSecret = new SecretKeyRef("keytab", null);
        TransferServer created = client.resource(ts).create();
        StatefulSet before = await().atMost(Duration.ofSeconds(20)).until(() -> statefulSet(created), s -> s != null);

        client.resource(keytab((byte) 2)).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> credentials(created).getData().get("krb5.keytab"),
                k -> k != null && java.util.Base64.getDecoder().decode(k)[6] == 2);
        settle();
        StatefulSet after = statefulSet(created);
        assertEquals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion(),
                "the StatefulSet was not touched");
    }

    @Test
    void aNodeAddedOrReportingItsTopologyRestartsNothing() {
        node("a-" + poolName);
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "topo", poolName, "tls")).create();
        StatefulSet before = await().atMost(Duration.ofSeconds(20)).until(() -> statefulSet(ts), s -> s != null);

        String agentPod = "agent-" + poolName;
        server.expect().get()
                .withPath("/api/v1/namespaces/wharf-data/pods/" + agentPod + "/log?pretty=false&container=topology")
                .andReturn(200, "{\"version\":1,\"nodes\":[{\"id\":0,\"cpus\":\"0-3\"}],"
                        + "\"interfaces\":[{\"name\":\"eth0\",\"numaNode\":0,\"localCpus\":\"0-3\"}],"
                        + "\"storage\":{\"device\":\"nvme0n1\",\"numaNode\":0,\"localCpus\":\"0-3\"}}\n")
                .always();
        client.resource(Fixtures.topologyAgent(agentPod, poolName, "a-" + poolName)).create();
        awaitPool(p -> p.getStatus().nodes.size() == 1 && Boolean.TRUE.equals(p.getStatus().nodes.get(0).aligned));
        node("b-" + poolName);
        awaitPool(p -> p.getStatus().nodes.size() == 2);
        settle();

        StatefulSet after = statefulSet(ts);
        assertEquals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion(),
                "an aligned node appearing must not change the pod template: " + after.getSpec().getTemplate().getSpec().getAffinity());
    }

    /** The StatefulSet is applied after the Secrets in the same pass: give that pass time to (not) write it. */
    private static void settle() {
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
    }

    private Secret passwd(String text) {
        return new SecretBuilder().withNewMetadata().withName("users").withNamespace(ns).endMetadata()
                .withData(Map.of("passwd", Fixtures.base64(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build();
    }

    /** A keytab header with key version {@code kvno} at byte 6 (enough for the operator, which only copies it). */
    private Secret keytab(byte kvno) {
        byte[] file = {0x05, 0x02, 0, 0, 0, 0x3c, kvno};
        return new SecretBuilder().withNewMetadata().withName("keytab").withNamespace(ns).endMetadata()
                .withData(Map.of("krb5.keytab", Fixtures.base64(file))).build();
    }

    private StatefulSet statefulSet(TransferServer ts) {
        return client.apps().statefulSets().inNamespace(DATA_PLANE).withName(ObjectNames.workload(ts)).get();
    }

    private Secret credentials(TransferServer ts) {
        return client.secrets().inNamespace(DATA_PLANE).withName(ObjectNames.credentials(ts)).get();
    }

    private void node(String name) {
        client.resource(new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("wharf.dev/pool-" + poolName, "true")).endMetadata().build()).create();
    }

    private StoragePool awaitPool(java.util.function.Predicate<StoragePool> test) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.resources(StoragePool.class).withName(poolName).get(),
                        p -> p != null && p.getStatus() != null && p.getStatus().nodes != null && test.test(p));
    }
}
