package dev.wharf.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a site takes, against a real cluster (kind, made by e2e/run.sh with the chart installed):
 * apply the examples, wait for Ready, move files through the advertised endpoints with curl and
 * globus-url-copy, log in over ssh, delete everything and check nothing is left. Never runs without a
 * cluster: the first step fails when the API server cannot be reached.
 */
@Tag("e2e")
class WharfE2eTest {
    static final ResourceDefinitionContext POOLS = new ResourceDefinitionContext.Builder()
            .withGroup("wharf.dev").withVersion("v1alpha1").withKind("StoragePool").withPlural("storagepools").withNamespaced(false).build();
    static final ResourceDefinitionContext SERVERS = new ResourceDefinitionContext.Builder()
            .withGroup("wharf.dev").withVersion("v1alpha1").withKind("TransferServer").withPlural("transferservers").withNamespaced(true).build();
    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(2);

    private static final E2eSettings settings = E2eSettings.from(System.getenv());
    private static KubernetesClient client;
    private static final List<String> serverNames = new ArrayList<>();
    private static String poolName;

    @TempDir
    Path tmp;

    @BeforeAll
    static void connect() {
        client = new KubernetesClientBuilder().build();
        try {
            client.getKubernetesVersion();
        } catch (RuntimeException e) {
            throw new AssertionError("no Kubernetes cluster reachable with the current kubeconfig: run e2e/run.sh", e);
        }
    }

    @AfterAll
    static void cleanUpWhateverIsLeft() {
        if (client == null) {
            return;
        }
        client.namespaces().withName(settings.namespace()).delete();
        client.namespaces().withName(settings.namespace() + "-b").delete();
        if (poolName != null) {
            client.genericKubernetesResources(POOLS).withName(poolName).delete();
        }
        client.close();
    }

    @Test
    void examplesBecomeWorkingEndpointsAndLeaveNothingBehind() throws Exception {
        operatorIsAvailable();
        Path key = sshKey();
        applyExamples(Files.readString(key.resolveSibling(key.getFileName() + ".pub")));
        Map<String, GenericKubernetesResource> ready = waitForAllReady();

        passwordLoginMovesFilesWithCurlAndGlobusUrlCopy(ready.get("alice-ftp"));
        aNewPasswordUserLogsInWithoutRestartingThePod(ready.get("alice-ftp"));
        anonymousIsReadOnly(ready.get("public-mirror"));
        onlyTheJobOwnerCanSshIn(ready.get("jane-job"), key);
        tenantsOfOnePoolCannotSeeEachOthersFiles(ready.get("alice-ftp"));

        poolDeletionWaitsForItsServers();
        deleteEverythingAndCheckNothingIsLeft();
    }

    private void operatorIsAvailable() {
        Poll.until("the operator Deployment to be available", settings.readyTimeout(), () -> {
            Deployment d = client.apps().deployments().inNamespace(settings.operatorNamespace())
                    .withName(settings.operatorDeployment()).get();
            return d != null && d.getStatus() != null && d.getStatus().getAvailableReplicas() != null
                    && d.getStatus().getAvailableReplicas() > 0 ? Optional.of(d) : Optional.empty();
        }, () -> String.valueOf(client.apps().deployments().inNamespace(settings.operatorNamespace())
                .withName(settings.operatorDeployment()).get()));
    }

    private Path sshKey() {
        Path key = tmp.resolve("id_ed25519");
        List<String> argv = List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wharf-e2e", "-f", key.toString());
        Programs.run(argv, CLIENT_TIMEOUT).requireSuccess(argv);
        return key;
    }

    private void applyExamples(String authorizedKey) throws IOException {
        // the anonymous server sees only its own subtree of the pool: its pub/ lies there
        Path pub = Tenancy.hostSubtree(settings.hostDataDir(), E2eManifests.pool(settings.dataInterface()),
                settings.namespace(), "public-mirror").resolve("pub");
        Files.createDirectories(pub);
        Files.writeString(pub.resolve("hello.txt"), "hello from wharf e2e\n");

        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(settings.namespace()).endMetadata().build())
                .serverSideApply();
        JsonNode pool = E2eManifests.pool(settings.dataInterface());
        poolName = pool.path("metadata").path("name").asText();
        apply(pool);
        for (String file : E2eManifests.SERVER_FILES) {
            for (JsonNode doc : E2eManifests.serverFile(file, settings.namespace(), authorizedKey)) {
                apply(doc);
                if (doc.path("kind").asText().equals("TransferServer")) {
                    serverNames.add(doc.path("metadata").path("name").asText());
                }
            }
        }
    }

    private void apply(JsonNode doc) {
        HasMetadata object = Serialization.unmarshal(doc.toString(), HasMetadata.class);
        client.resource(object).fieldManager("wharf-e2e").forceConflicts().serverSideApply();
    }

    private Map<String, GenericKubernetesResource> waitForAllReady() {
        Map<String, GenericKubernetesResource> out = new java.util.HashMap<>();
        for (String name : serverNames) {
            var resource = client.genericKubernetesResources(SERVERS).inNamespace(settings.namespace()).withName(name);
            out.put(name, Poll.until("TransferServer " + name + " to be Ready", settings.readyTimeout(), () -> {
                GenericKubernetesResource r = resource.get();
                return r != null && Readiness.of(r).ready() ? Optional.of(r) : Optional.empty();
            }, () -> {
                GenericKubernetesResource r = resource.get();
                return r == null ? "absent" : Readiness.of(r).toString();
            }));
        }
        return out;
    }

    private NodeAddresses nodes() {
        return NodeAddresses.of(client.nodes().list().getItems());
    }

    private EndpointUrl endpoint(GenericKubernetesResource ts, String door) {
        return nodes().reachable(StatusView.endpoints(ts).stream().filter(e -> e.scheme().equals(door)).findFirst()
                .orElseThrow(() -> new AssertionError(ts.getMetadata().getName() + " advertises no " + door + " endpoint: "
                        + ts.getAdditionalProperties().get("status"))));
    }

    private void passwordLoginMovesFilesWithCurlAndGlobusUrlCopy(GenericKubernetesResource ts) throws IOException {
        EndpointUrl ftp = endpoint(ts, "ftp");
        var login = E2eManifests.EXAMPLE_LOGIN;
        byte[] payload = new byte[3 * 1024 * 1024 + 17];
        new SecureRandom().nextBytes(payload);
        Path local = Files.write(tmp.resolve("payload.bin"), payload);

        String remote = ftp.fileUrl(login.user(), login.password(), "/e2e-curl.bin");
        run("curl", "-sS", "--fail", "--max-time", "60", "-T", local.toString(), remote);
        Path back = tmp.resolve("curl-back.bin");
        run("curl", "-sS", "--fail", "--max-time", "60", "-o", back.toString(), remote);
        assertArrayEquals(payload, Files.readAllBytes(back), "curl round trip");

        String gucRemote = ftp.fileUrl(login.user(), login.password(), "/e2e-guc.bin");
        run("globus-url-copy", "-vb", "file://" + local, gucRemote);
        Path gucBack = tmp.resolve("guc-back.bin");
        run("globus-url-copy", "-vb", gucRemote, "file://" + gucBack);
        assertArrayEquals(payload, Files.readAllBytes(gucBack), "globus-url-copy round trip");
    }

    /**
     * Issue 16: a user added to the password Secret can log in once the kubelet has synced the volume
     * (about a minute), and the transfer pods are the same pods (same UIDs) afterwards.
     */
    private void aNewPasswordUserLogsInWithoutRestartingThePod(GenericKubernetesResource ts) throws IOException {
        Map<String, String> before = podUids("alice-ftp");
        var secret = client.secrets().inNamespace(settings.namespace()).withName("alice-passwd");
        String passwd = new String(java.util.Base64.getDecoder().decode(secret.get().getData().get("passwd")),
                java.nio.charset.StandardCharsets.UTF_8);
        String added = passwd.strip() + "\nbob:" + org.apache.commons.codec.digest.Sha2Crypt.sha512Crypt(
                "bob-e2e-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ":1001:1001:Bob:/bob:/sbin/nologin\n";
        secret.edit(s -> {
            s.setData(Map.of("passwd", java.util.Base64.getEncoder().encodeToString(added.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            return s;
        });
        EndpointUrl ftp = endpoint(ts, "ftp");
        Poll.until("bob to log in through the updated password file", java.time.Duration.ofMinutes(3), () -> {
            var r = Programs.run(List.of("curl", "-sS", "--fail", "--max-time", "20", "--list-only",
                    ftp.fileUrl("bob", "bob-e2e-pw", "/")), CLIENT_TIMEOUT);
            return r.exitCode() == 0 ? Optional.of(r) : Optional.empty();
        }, () -> "pods: " + podUids("alice-ftp"));
        assertEquals(before, podUids("alice-ftp"), "the same pods: a password change restarts nothing");
    }

    private Map<String, String> podUids(String server) {
        Map<String, String> uids = new java.util.TreeMap<>();
        client.pods().inNamespace(settings.dataPlaneNamespace())
                .withLabel("wharf.dev/transferserver", server)
                .withLabel("wharf.dev/transferserver-namespace", settings.namespace()).list().getItems()
                .forEach(p -> uids.put(p.getMetadata().getName(), p.getMetadata().getUid()));
        return uids;
    }

    private void anonymousIsReadOnly(GenericKubernetesResource ts) throws IOException {
        EndpointUrl ftp = endpoint(ts, "ftp");
        Path got = tmp.resolve("hello.txt");
        run("curl", "-sS", "--fail", "--max-time", "60", "-o", got.toString(), ftp.fileUrl(null, null, "/hello.txt"));
        assertEquals("hello from wharf e2e\n", Files.readString(got));
        List<String> upload = List.of("curl", "-sS", "--max-time", "60", "-T", got.toString(), ftp.fileUrl(null, null, "/upload.txt"));
        assertNotEquals(0, Programs.run(upload, CLIENT_TIMEOUT).exitCode(), "anonymous uploads must be refused");
    }

    /**
     * Logs in to every advertised endpoint with the run's key, checking the host key against the job's
     * host CA (the known_hosts line of the sidecar's ConfigMap, for the pod's name); reads /var/hostsfile,
     * hops from that pod to every host in it with no setup (the job's key and client config), and is
     * refused as root.
     */
    private void onlyTheJobOwnerCanSshIn(GenericKubernetesResource ts, Path key) throws IOException {
        Map<String, SshCommand> logins = StatusView.sshLoginsByNode(ts);
        Map<String, String> pods = StatusView.podsByNode(ts);
        assertTrue(!logins.isEmpty(), "jane-job advertises no ssh endpoint");
        Path knownHosts = tmp.resolve("jane-job-known_hosts");
        String jobKnownHosts = sidecarConfig(ts).get("known_hosts");
        Files.writeString(knownHosts, jobKnownHosts);
        String caKey = jobKnownHosts.strip().split(" ", 3)[2];
        String advertised = StatusView.sshKnownHosts(ts);
        assertTrue(advertised != null && advertised.startsWith("@cert-authority [") && advertised.endsWith(caKey),
                "status.sshKnownHosts offers users the job's host CA: " + advertised);
        for (Map.Entry<String, SshCommand> login : logins.entrySet()) {
            SshCommand ssh = nodes().reachable(login.getValue());
            String pod = pods.get(login.getKey());
            assertTrue(pod != null, "no pod listed for node " + login.getKey() + " in " + pods);
            List<String> argv = ssh.verifiedArgv(key.toString(), knownHosts.toString(), pod,
                    "cat /var/hostsfile; id -un; for h in $(cat /var/hostsfile); do ssh $h 'echo reached $(id -un)' || exit 1; done");
            String out = Programs.run(argv, CLIENT_TIMEOUT).requireSuccess(argv).output();
            List<String> hosts = out.lines().filter(l -> l.contains(".svc")).toList();
            assertEquals(logins.size(), hosts.size(), "hostsfile lists the job's hosts: " + out);
            assertTrue(out.lines().anyMatch(l -> l.equals("jane")), out);
            assertEquals(hosts.size(), out.lines().filter(l -> l.equals("reached jane")).count(), "every host reached: " + out);
            List<String> asRoot = new SshCommand("root", ssh.host(), ssh.port()).argv(key.toString(), "true");
            assertNotEquals(0, Programs.run(asRoot, CLIENT_TIMEOUT).exitCode(), "root must not log in");
        }
    }

    /** The sshd sidecar's ConfigMap of {@code ts} in the data-plane namespace (found by its owner labels). */
    private Map<String, String> sidecarConfig(GenericKubernetesResource ts) {
        return client.configMaps().inNamespace(settings.dataPlaneNamespace())
                .withLabel("wharf.dev/transferserver", ts.getMetadata().getName())
                .withLabel("wharf.dev/transferserver-namespace", ts.getMetadata().getNamespace())
                .list().getItems().stream().filter(c -> c.getMetadata().getName().endsWith("-ssh")).findFirst()
                .orElseThrow(() -> new AssertionError("no sshd ConfigMap of " + ts.getMetadata().getName()))
                .getData();
    }

    /**
     * The password example again in a second namespace of the same pool: what alice uploaded in the first
     * (e2e-curl.bin) is neither listed nor readable there, not even by climbing out of the jail.
     */
    private void tenantsOfOnePoolCannotSeeEachOthersFiles(GenericKubernetesResource first) {
        String other = settings.namespace() + "-b";
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(other).endMetadata().build())
                .serverSideApply();
        for (JsonNode doc : E2eManifests.serverFile("transferserver-password.yaml", other, null)) {
            apply(doc);
        }
        var resource = client.genericKubernetesResources(SERVERS).inNamespace(other).withName(first.getMetadata().getName());
        GenericKubernetesResource second = Poll.until("the second tenant's server to be Ready", settings.readyTimeout(), () -> {
            GenericKubernetesResource r = resource.get();
            return r != null && Readiness.of(r).ready() ? Optional.of(r) : Optional.empty();
        }, () -> String.valueOf(resource.get()));
        EndpointUrl ftp = endpoint(second, "ftp");
        var login = E2eManifests.EXAMPLE_LOGIN;
        String listing = Programs.run(List.of("curl", "-sS", "--fail", "--max-time", "60", "-l",
                ftp.fileUrl(login.user(), login.password(), "/")), CLIENT_TIMEOUT).output();
        assertFalse(listing.contains("e2e-curl.bin"), "the other tenant's upload is listed: " + listing);
        String escape = "/../../" + settings.namespace() + "/" + first.getMetadata().getName() + "/e2e-curl.bin";
        assertNotEquals(0, Programs.run(List.of("curl", "-sS", "--fail", "--path-as-is", "--max-time", "60", "-o", tmp.resolve("stolen").toString(),
                ftp.fileUrl(login.user(), login.password(), escape)), CLIENT_TIMEOUT).exitCode(), "read across tenants: " + escape);
        resource.delete();
        client.namespaces().withName(other).delete();
    }

    /** A pool with TransferServers in it is held by its finalizer; its status names them. */
    private void poolDeletionWaitsForItsServers() {
        client.genericKubernetesResources(POOLS).withName(poolName).delete();
        List<String> users = Poll.until("the deleted pool to list who still uses it", settings.readyTimeout(), () -> {
            List<String> held = Tenancy.heldFor(client.genericKubernetesResources(POOLS).withName(poolName).get());
            return held != null && !held.isEmpty() ? Optional.of(held) : Optional.empty();
        }, () -> String.valueOf(client.genericKubernetesResources(POOLS).withName(poolName).get()));
        assertTrue(users.contains(settings.namespace() + "/alice-ftp"), users.toString());
    }

    private void deleteEverythingAndCheckNothingIsLeft() {
        for (String name : serverNames) {
            client.genericKubernetesResources(SERVERS).inNamespace(settings.namespace()).withName(name).delete();
        }
        client.genericKubernetesResources(POOLS).withName(poolName).delete();
        Poll.until("every TransferServer, the pool and their data-plane objects to be gone", settings.readyTimeout(),
                () -> leftovers().isEmpty() ? Optional.of(true) : Optional.empty(), () -> leftovers().toString());
    }

    private List<String> leftovers() {
        List<String> left = new ArrayList<>();
        client.genericKubernetesResources(SERVERS).inNamespace(settings.namespace()).list().getItems()
                .forEach(r -> left.add("TransferServer " + r.getMetadata().getName()));
        if (client.genericKubernetesResources(POOLS).withName(poolName).get() != null) {
            left.add("StoragePool " + poolName);
        }
        String dp = settings.dataPlaneNamespace();
        List<HasMetadata> dataPlane = new ArrayList<>();
        dataPlane.addAll(client.pods().inNamespace(dp).list().getItems());
        dataPlane.addAll(client.configMaps().inNamespace(dp).list().getItems());
        dataPlane.addAll(client.secrets().inNamespace(dp).list().getItems());
        dataPlane.addAll(client.services().inNamespace(dp).list().getItems());
        for (HasMetadata o : dataPlane) {
            if (LeftoverCheck.belongsTo(o, settings.namespace(), serverNames)) {
                left.add(o.getKind() + " " + dp + "/" + o.getMetadata().getName());
            }
        }
        return left;
    }

    private static void run(String... argv) {
        Programs.run(List.of(argv), CLIENT_TIMEOUT).requireSuccess(List.of(argv));
    }
}
