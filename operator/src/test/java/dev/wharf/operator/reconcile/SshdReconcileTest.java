package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SshForwarding;
import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.SshdSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The sshd sidecar's objects through the reconciler, against the Fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class SshdReconcileTest extends FreshNamespaceReconcileTest {

    static final String USER_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFOqxo4oD3RB4D5eLZsp/PX5mzkqKTRrO0BKT6yKpVLs jane@laptop\n";

    @Test
    void keysAreMadeOnceHostsfileFollowsThePodsAndStatusShowsTheLogin() {
        TransferServer ts = createJob("job");
        String base = ObjectNames.base(ts);
        Secret keys = awaitObject(Secret.class, base + "-ssh", s -> true);
        assertTrue(decode(keys, "id_ed25519").startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertTrue(decode(keys, "host_ca.pub").startsWith("ssh-ed25519 "));
        assertEquals(USER_KEY, decode(keys, "authorized_keys"));
        ConfigMap config = awaitObject(ConfigMap.class, base + "-ssh", c -> true);
        assertTrue(config.getData().get("known_hosts").contains(decode(keys, "host_ca.pub").strip()));
        assertEquals("", awaitObject(ConfigMap.class, base + "-hosts", c -> true).getData().get("hostsfile"));
        StatefulSet sts = awaitObject(StatefulSet.class, base, s -> true);
        assertEquals(List.of("server", "sshd"), sts.getSpec().getTemplate().getSpec().getContainers().stream().map(c -> c.getName()).toList());

        client.resource(pod(ts, 1, "node-b.example")).create();
        client.resource(pod(ts, 0, "node-a.example")).create();
        String svc = base + "." + DATA_PLANE + ".svc";
        awaitObject(ConfigMap.class, base + "-hosts", c -> (base + "-0." + svc + "\n" + base + "-1." + svc + "\n")
                .equals(c.getData().get("hostsfile")));
        TransferServer ready = awaitStatus("job", s -> s.getStatus().sshEndpoints != null && s.getStatus().sshEndpoints.size() == 2);
        int port = ready.getStatus().allocation.sshd;
        assertEquals("ssh -p " + port + " jane@node-a.example", ready.getStatus().sshEndpoints.get(0).command);
        assertEquals("@cert-authority [node-a.example]:" + port + ",[node-b.example]:" + port + " "
                + decode(keys, "host_ca.pub").strip(), ready.getStatus().sshKnownHosts);
        assertEquals("node-a.example node-a.example\nnode-b.example node-b.example\n",
                awaitObject(ConfigMap.class, base + "-hosts", c -> true).getData().get("endpoint-hosts"),
                "the nodes the pods run on (no Node objects in the mock: their names)");

        String hash = templateHash(base);
        edit("job", t -> t.getSpec().sshd.forwarding = new SshForwarding(true, false, false));
        await().atMost(Duration.ofSeconds(20)).until(() -> !hash.equals(templateHash(base)));
        assertTrue(client.configMaps().inNamespace(DATA_PLANE).withName(base + "-ssh").get().getData().get("sshd_config")
                .contains("AllowAgentForwarding yes\n"));
        assertEquals(keys.getData(), client.secrets().inNamespace(DATA_PLANE).withName(base + "-ssh").get().getData(),
                "the job's keys survive every reconcile");

        client.pods().inNamespace(DATA_PLANE).withName(base + "-1").delete();
        awaitObject(ConfigMap.class, base + "-hosts", c -> (base + "-0." + svc + "\n").equals(c.getData().get("hostsfile")));
    }

    @Test
    void newAuthorizedKeysReachTheJobSecretWithoutRollingThePods() {
        TransferServer ts = createJob("keys");
        String base = ObjectNames.base(ts);
        awaitObject(Secret.class, base + "-ssh", s -> true);
        String hash = templateHash(base);
        String more = USER_KEY + "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK2second jane@desktop\n";
        client.resource(userKeys(more)).update();
        awaitObject(Secret.class, base + "-ssh", s -> more.equals(decode(s, "authorized_keys")));
        assertEquals(hash, templateHash(base));
    }

    @Test
    void turningTheSidecarOffPrunesItsObjects() {
        TransferServer ts = createJob("off");
        String base = ObjectNames.base(ts);
        // with the PodDisruptionBudget of a two-node server
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).size() == 8);
        edit("off", t -> t.getSpec().sshd.enabled = false);
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).size() == 5);
        assertTrue(owned(ts).stream().noneMatch(o -> o.getMetadata().getName().endsWith("-ssh") || o.getMetadata().getName().endsWith("-hosts")));
        assertEquals(1, awaitObject(StatefulSet.class, base, s -> s.getSpec().getTemplate().getSpec().getContainers().size() == 1)
                .getSpec().getTemplate().getSpec().getContainers().size());
    }

    @Test
    void missingAuthorizedKeysAreReported() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(job("lost")).create();
        TransferServer t = awaitStatus("lost", s -> TransferServerReconcilerTest.condition(s, "Degraded")
                .map(c -> "True".equals(c.getStatus()) && "SecretMissing".equals(c.getReason())).orElse(false));
        assertTrue(TransferServerReconcilerTest.condition(t, "Degraded").orElseThrow().getMessage().contains("jane-ssh-keys"));
        client.resource(userKeys(USER_KEY)).create();
        awaitStatus("lost", s -> TransferServerReconcilerTest.condition(s, "Degraded").map(c -> "False".equals(c.getStatus())).orElse(false));
    }

    // --- helpers ---

    /** Edits the spec, retrying while the operator's status writes move the resourceVersion. */
    private void edit(String name, java.util.function.Consumer<TransferServer> change) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            client.resources(TransferServer.class).inNamespace(ns).withName(name).edit(t -> {
                change.accept(t);
                return t;
            });
            return true;
        });
    }

    private TransferServer createJob(String name) {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(userKeys(USER_KEY)).create();
        TransferServer ts = client.resource(job(name)).create();
        awaitStatus(name, s -> s.getStatus().allocation != null && s.getStatus().allocation.sshd != null);
        return ts;
    }

    private TransferServer job(String name) {
        TransferServer ts = Fixtures.server(ns, name, poolName, null);
        ts.getSpec().nodes = 2;
        ts.getSpec().sshd = new SshdSpec();
        ts.getSpec().sshd.enabled = true;
        ts.getSpec().sshd.user = new SshUser("jane", 1000, 1000);
        ts.getSpec().sshd.authorizedKeysSecret = new SecretKeyRef("jane-ssh-keys", null);
        return ts;
    }

    private Secret userKeys(String keys) {
        return new SecretBuilder().withNewMetadata().withName("jane-ssh-keys").withNamespace(ns).endMetadata()
                .withData(Map.of("authorized_keys", Fixtures.base64(keys.getBytes(StandardCharsets.UTF_8)))).build();
    }

    private static String decode(Secret s, String key) {
        return new String(java.util.Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
    }

    private <T extends HasMetadata> T awaitObject(Class<T> kind, String name, Predicate<T> test) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.resources(kind).inNamespace(DATA_PLANE).withName(name).get(), o -> o != null && test.test(o));
    }

    private String templateHash(String base) {
        return client.apps().statefulSets().inNamespace(DATA_PLANE).withName(base).get().getSpec().getTemplate().getMetadata()
                .getAnnotations().get(ObjectNames.CONFIG_HASH_ANNOTATION);
    }

    /** A started pod of the job on {@code node}: it has the node's address (host networking). */
    private static Pod pod(TransferServer ts, int ordinal, String node) {
        return new PodBuilder().withNewMetadata().withName(ObjectNames.workload(ts) + "-" + ordinal).withNamespace(DATA_PLANE)
                .withLabels(ObjectNames.labels(ts)).withAnnotations(ObjectNames.ownerAnnotations(ts)).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("server").withImage("x").endContainer().endSpec()
                .withNewStatus().withPodIP("127.0.0.1").endStatus()
                .build();
    }
}
