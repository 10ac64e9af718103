package dev.wharf.operator.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.Authentication;
import dev.wharf.operator.api.DoorOptions;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.SecretRef;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.StoragePool;
import dev.wharf.operator.api.TransferServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import com.sun.net.httpserver.HttpServer;
import dev.wharf.operator.render.ObjectNames;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The TransferServer reconciler against the Fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class TransferServerReconcilerTest extends FreshNamespaceReconcileTest {

    @Inject
    PortLedger ledger;

    @Test
    void createRendersObjectsAndReportsStatusFromThePods() throws IOException {
        HttpServer admin = adminEndpoint("{\"state\":\"ready\",\"threads\":{\"pinning\":\"auto\",\"threads\":"
                + "[{\"name\":\"net-0\",\"cpus\":\"4\"},{\"name\":\"disk-0\",\"cpus\":\"5-7\"}]}}");
        int adminPort = admin.getAddress().getPort();
        client.resource(Fixtures.pool(poolName, adminPort - 1, adminPort, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "ep", poolName, "tls")).create();

        TransferServer waiting = awaitStatus("ep", s -> condition(s, "Ready").map(c -> "PodsNotReady".equals(c.getReason())).orElse(false));
        assertEquals("False", condition(waiting, "Degraded").orElseThrow().getStatus());
        assertEquals(waiting.getMetadata().getGeneration(), waiting.getStatus().observedGeneration);
        assertEquals("0/1", waiting.getStatus().ready);
        assertEquals("ftp", waiting.getStatus().doors);
        int ftpPort = waiting.getStatus().allocation.doors.get("ftp");
        assertEquals(adminPort - 1, ftpPort, "doors first, lowest free port of the pool's control block");
        assertEquals(adminPort, waiting.getStatus().allocation.admin);
        assertTrue(waiting.getMetadata().getFinalizers().stream().anyMatch(f -> f.contains("transferserver")),
                "finalizer: " + waiting.getMetadata().getFinalizers());

        List<HasMetadata> owned = owned(ts);
        assertEquals(4, owned.size(), "StatefulSet, Service, ConfigMap, credentials Secret: " + owned);
        owned.forEach(o -> assertEquals(ns, o.getMetadata().getAnnotations().get("io.javaoperatorsdk/primary-namespace")));
        assertTrue(owned.stream().allMatch(o -> o.getMetadata().getOwnerReferences().isEmpty()),
                "no cross-namespace owner references");

        client.resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("node-a.example").endMetadata()
                .build()).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        client.resource(readyPod(ts, "ep-0", "node-a.example")).create();
        TransferServer ready = awaitStatus("ep", s -> condition(s, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false));
        assertEquals("1/1", ready.getStatus().ready);
        assertEquals("ftp://node-a.example:" + ftpPort, ready.getStatus().endpoints.get(0).url);
        assertEquals("4-7", ready.getStatus().pods.get(0).pinnedCpus, "read from the server's /status");
        assertEquals(null, ready.getStatus().pods.get(0).nicLocal, "no topology report in the mock: unknown");
        admin.stop(0);
        assertTrue(events().stream().anyMatch(e -> "Applied".equals(e.getReason()) && e.getMessage().contains("StatefulSet")));
    }

    @Test
    void specChangeRollsThePods() {
        TransferServer ts = createValidServer("roll");
        String before = templateHash(ts);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            client.resources(TransferServer.class).inNamespace(ns).withName("roll").edit(t -> {
                t.getSpec().doors.with(DoorType.FTPS, Door.auto());
                return t;
            });
            return true;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> !before.equals(templateHash(ts)));
        TransferServer updated = awaitStatus("roll", s -> "ftp,ftps".equals(s.getStatus().doors));
        assertEquals(updated.getMetadata().getGeneration(), updated.getStatus().observedGeneration);
    }

    @Test
    void secretChangeRollsThePods() {
        TransferServer ts = createValidServer("sec");
        String before = templateHash(ts);
        client.resource(Fixtures.tlsSecret(ns, "tls", "other.crt", "other.key")).update();
        await().atMost(Duration.ofSeconds(20)).until(() -> !before.equals(templateHash(ts)));
        Secret copy = owned(ts).stream().filter(Secret.class::isInstance).map(Secret.class::cast).findFirst().orElseThrow();
        assertEquals(Fixtures.base64(Fixtures.pem("other.crt")), copy.getData().get("tls.crt"));
    }

    @Test
    void deleteRemovesEverything() {
        TransferServer ts = createValidServer("gone");
        client.resource(ts).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).isEmpty()
                && client.resources(TransferServer.class).inNamespace(ns).withName("gone").get() == null);
    }

    @Test
    void exhaustedPoolIsReportedAndCreatesNoPods() {
        client.resource(Fixtures.pool(poolName, 2811, 2812, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        client.resource(Fixtures.server(ns, "first", poolName, "tls")).create();
        awaitStatus("first", s -> s.getStatus().allocation != null);
        TransferServer second = client.resource(Fixtures.server(ns, "second", poolName, "tls")).create();
        TransferServer refused = awaitDegraded("second", "PoolExhausted");
        assertTrue(condition(refused, "Ready").orElseThrow().getMessage().contains("no free control port"));
        assertTrue(owned(second).isEmpty());
    }

    @Test
    void aSpecTheServerWouldRefuseIsReportedAndNothingIsCreated() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        TransferServer ts = Fixtures.server(ns, "badcidr", poolName, "tls");
        ts.getSpec().doorOptions = new dev.wharf.operator.api.DoorOptions();
        ts.getSpec().doorOptions.allowedSubnets = List.of("10.0.0.0/99"); // the CRD's pattern is a shape: it takes this
        ts = client.resource(ts).create();
        TransferServer degraded = awaitDegraded("badcidr", "ServerConfRefused");
        assertTrue(condition(degraded, "Degraded").orElseThrow().getMessage().contains("net.allowed-subnets: '10.0.0.0/99'"),
                condition(degraded, "Degraded").orElseThrow().getMessage());
        assertTrue(owned(ts).isEmpty());
    }

    @Test
    void missingPoolIsReportedAndNothingIsCreated() {
        TransferServer ts = client.resource(Fixtures.server(ns, "nopool", "no-such-pool", null)).create();
        TransferServer degraded = awaitDegraded("nopool", "PoolNotFound");
        assertTrue(condition(degraded, "Degraded").orElseThrow().getMessage().contains("StoragePool no-such-pool does not exist"));
        assertEquals("False", condition(degraded, "Ready").orElseThrow().getStatus());
        assertTrue(owned(ts).isEmpty());
        assertTrue(events().stream().anyMatch(e -> "Warning".equals(e.getType()) && "PoolNotFound".equals(e.getReason())));
    }

    @Test
    void namespaceNotAdmittedIsReported() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, List.of("someone-else"))).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "denied", poolName, null)).create();
        TransferServer degraded = awaitDegraded("denied", "NamespaceNotAllowed");
        assertTrue(condition(degraded, "Degraded").orElseThrow().getMessage().contains(ns));
        assertTrue(owned(ts).isEmpty());
    }

    @Test
    void missingSecretIsReportedAndCreatingItHeals() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "nosecret", poolName, "tls")).create();
        TransferServer degraded = awaitDegraded("nosecret", "SecretMissing");
        assertTrue(condition(degraded, "Degraded").orElseThrow().getMessage().contains("authentication.tlsSecret"));
        assertTrue(owned(ts).isEmpty());

        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        awaitStatus("nosecret", s -> condition(s, "Degraded").map(c -> "False".equals(c.getStatus())).orElse(false));
        assertEquals(4, owned(ts).size());
    }

    @Test
    void malformedCertificateIsReportedAndNothingIsCreated() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.key", "host.key")).create();
        TransferServer ts = client.resource(Fixtures.server(ns, "badcert", poolName, "tls")).create();
        TransferServer degraded = awaitDegraded("badcert", "InvalidCredential");
        assertTrue(condition(degraded, "Degraded").orElseThrow().getMessage().contains("key tls.crt"));
        assertTrue(owned(ts).isEmpty());
    }

    @Test
    void aSecretThatBreaksLaterKeepsTheServerRunningUntilItIsFixed() {
        TransferServer ts = createValidServer("broken");
        Map<String, String> versions = versions(owned(ts));
        var ports = client.resource(ts).get().getStatus().allocation;
        client.resource(readyPod(ts, "broken-0", "node-a.example")).create();
        awaitStatus("broken", s -> "1/1".equals(s.getStatus().ready));

        client.resource(Fixtures.tlsSecret(ns, "tls", "host.key", "host.key")).update();
        TransferServer degraded = awaitDegraded("broken", "InvalidCredential");
        assertTrue(condition(degraded, "Degraded").orElseThrow().getMessage().contains("keeps its ports"));
        assertEquals("True", condition(degraded, "Ready").orElseThrow().getStatus(), "its pod still serves");
        assertEquals(ports, degraded.getStatus().allocation, "the ports stay with the running server");
        assertEquals(versions, versions(owned(ts)), "nothing rewritten or removed");
        assertTrue(events().stream().noneMatch(e -> "Removed".equals(e.getReason())));

        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).update();
        awaitStatus("broken", s -> condition(s, "Degraded").map(c -> "False".equals(c.getStatus())).orElse(false));
        assertEquals(ports, client.resource(ts).get().getStatus().allocation);
    }

    @Test
    void aDeletedSecretOrANamespaceNoLongerAdmittedNeverTearsDownARunningServer() {
        TransferServer ts = createValidServer("kept");
        var ports = client.resource(ts).get().getStatus().allocation;
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).delete();
        awaitDegraded("kept", "SecretMissing");
        assertEquals(4, owned(ts).size());

        editPool(p -> p.getSpec().allowedNamespaces = List.of("someone-else"));
        awaitDegraded("kept", "NamespaceNotAllowed");
        assertEquals(4, owned(ts).size());
        TransferServer other = client.resource(Fixtures.server("someone-else", "newcomer", poolName, null)).create();
        TransferServer newcomer = await().atMost(Duration.ofSeconds(20)).until(() -> client.resource(other).get(),
                t -> t.getStatus() != null && t.getStatus().allocation != null);
        assertTrue(newcomer.getStatus().allocation.doors.values().stream().noneMatch(ports.doors::containsValue),
                "a newcomer never gets the ports the kept server listens on: " + newcomer.getStatus().allocation + " vs " + ports);
        assertNotEquals(ports.data, newcomer.getStatus().allocation.data);
        client.resource(other).delete();

        editPool(p -> p.getSpec().allowedNamespaces = null);
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        awaitStatus("kept", s -> condition(s, "Degraded").map(c -> "False".equals(c.getStatus())).orElse(false));
        assertEquals(ports, client.resource(ts).get().getStatus().allocation);
    }

    /** Issue 15: PROXY headers believed from anyone is refused, and a running server is never torn down for it. */
    @Test
    void proxyProtocolWithoutTrustedProxiesIsRefusedAndTheRunningServerKept() {
        TransferServer ts = createValidServer("proxied");
        Map<String, String> versions = versions(owned(ts));
        var ports = client.resource(ts).get().getStatus().allocation;

        editServer("proxied", t -> {
            t.getSpec().doorOptions = new DoorOptions();
            t.getSpec().doorOptions.proxyProtocol = true;
        });
        TransferServer degraded = awaitDegraded("proxied", "ProxyTrustRequired");
        String message = condition(degraded, "Degraded").orElseThrow().getMessage();
        assertTrue(message.contains("proxyTrusted is empty") && message.contains("keeps its ports"), message);
        assertEquals(ports, degraded.getStatus().allocation);
        assertEquals(versions, versions(owned(ts)), "nothing rewritten or removed");

        editServer("proxied", t -> t.getSpec().doorOptions.proxyTrusted = List.of("10.0.0.0/24"));
        awaitStatus("proxied", s -> condition(s, "Degraded").map(c -> "False".equals(c.getStatus())).orElse(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).stream().filter(ConfigMap.class::isInstance)
                .map(c -> ((ConfigMap) c).getData().get("server.conf")).findFirst().orElse(""),
                conf -> conf.contains("net.proxy-protocol = true\n") && conf.contains("net.proxy-trusted = 10.0.0.0/24\n"));
    }

    /** Issues 19 and 20: a Kerberos door without its block is a condition, not a crash; srm's endpoint carries its path. */
    @Test
    void newDoorsReportTheirMissingCredentialAndTheirEndpoints() {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "host", "host.crt", "host.key")).create();
        TransferServer asked = Fixtures.server(ns, "grid", poolName, null);
        asked.getSpec().doors = new Doors().with(DoorType.GSIFTP, Door.auto()).with(DoorType.SRM, Door.auto())
                .with(DoorType.KRBFTP, Door.auto());
        asked.getSpec().authentication = new Authentication();
        asked.getSpec().authentication.hostCredentialSecret = new SecretRef("host");
        TransferServer ts = client.resource(asked).create();
        String message = condition(awaitDegraded("grid", "CredentialRequired"), "Degraded").orElseThrow().getMessage();
        assertTrue(message.contains("krbftp need authentication.kerberos"), message);
        assertTrue(owned(ts).isEmpty());

        editServer("grid", t -> t.getSpec().doors.krbftp = null);
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).size() == 4);
        client.resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("node-a.example").endMetadata()
                .build()).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        client.resource(readyPod(ts, "grid-0", "node-a.example")).create();
        TransferServer ready = awaitStatus("grid", s -> s.getStatus().endpoints != null && s.getStatus().endpoints.size() == 2);
        int srmPort = ready.getStatus().allocation.doors.get("srm");
        assertEquals(List.of("gsiftp://node-a.example:" + ready.getStatus().allocation.doors.get("gsiftp"),
                "srm://node-a.example:" + srmPort + "/srm/managerv2"), ready.getStatus().endpoints.stream().map(e -> e.url).toList());
        assertEquals("gsiftp,srm", ready.getStatus().doors);
    }

    @Test
    void restartConvergesToTheSameObjects() {
        TransferServer ts = createValidServer("again");
        Map<String, String> versions = versions(owned(ts));
        TransferServer before = client.resource(ts).get();

        ledger.forgetEverything();
        client.resources(ConfigMap.class).inNamespace(DATA_PLANE).withLabels(ManagedObjects.selector(ts)).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).size() == 4);
        client.resource(readyPod(ts, "again-0", "node-b.example")).create();
        TransferServer after = awaitStatus("again", s -> "1/1".equals(s.getStatus().ready));

        assertEquals(before.getStatus().allocation, after.getStatus().allocation);
        Map<String, String> now = versions(owned(ts));
        now.keySet().stream().filter(k -> !k.startsWith("ConfigMap")).forEach(k -> assertEquals(versions.get(k), now.get(k), k));
        assertNotEquals(versions.get(configMapKey(ts)), now.get(configMapKey(ts)), "the deleted ConfigMap was recreated");
    }

    // --- helpers ---

    /** Edits a TransferServer of the test's namespace, again if the operator wrote it in between (409). */
    void editServer(String name, java.util.function.Consumer<TransferServer> change) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            client.resources(TransferServer.class).inNamespace(ns).withName(name).edit(t -> {
                change.accept(t);
                return t;
            });
            return true;
        });
    }

    /** Edits the pool, again if the operator wrote it in between (409). */
    void editPool(java.util.function.Consumer<StoragePool> change) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            client.resources(StoragePool.class).withName(poolName).edit(p -> {
                change.accept(p);
                return p;
            });
            return true;
        });
    }

    private TransferServer createValidServer(String name) {
        client.resource(Fixtures.pool(poolName, 2811, 2899, null)).create();
        client.resource(Fixtures.tlsSecret(ns, "tls", "host.crt", "host.key")).create();
        TransferServer ts = client.resource(Fixtures.server(ns, name, poolName, "tls")).create();
        awaitStatus(name, s -> s.getStatus().allocation != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> owned(ts).size() == 4);
        return ts;
    }

    private TransferServer awaitDegraded(String name, String reason) {
        return awaitStatus(name, s -> condition(s, "Degraded").map(c -> "True".equals(c.getStatus()) && reason.equals(c.getReason()))
                .orElse(false));
    }

    static Optional<Condition> condition(TransferServer ts, String type) {
        return ts.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private String templateHash(TransferServer ts) {
        StatefulSet sts = owned(ts).stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst().orElseThrow();
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(ObjectNames.CONFIG_HASH_ANNOTATION);
    }

    private static Map<String, String> versions(List<HasMetadata> objects) {
        Map<String, String> versions = new TreeMap<>();
        objects.forEach(o -> versions.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        return versions;
    }

    private String configMapKey(TransferServer ts) {
        return owned(ts).stream().filter(ConfigMap.class::isInstance).map(o -> "ConfigMap/" + o.getMetadata().getName())
                .findFirst().orElseThrow();
    }

    private List<io.fabric8.kubernetes.api.model.Event> events() {
        return client.v1().events().inNamespace(ns).list().getItems();
    }

    static Pod readyPod(TransferServer ts, String name, String node) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(DATA_PLANE)
                .withLabels(ObjectNames.labels(ts)).withAnnotations(ObjectNames.ownerAnnotations(ts)).endMetadata()
                .withNewSpec().withNodeName(node).addNewContainer().withName("server").withImage("x").endContainer().endSpec()
                .withNewStatus().withPodIP("127.0.0.1")
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build();
    }

    /** Stands in for the server's admin endpoint on loopback: answers /status with {@code json}. */
    private static HttpServer adminEndpoint(String json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status", exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
