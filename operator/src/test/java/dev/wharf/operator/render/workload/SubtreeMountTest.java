package dev.wharf.operator.render.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wharf.operator.api.ClaimTemplateStorage;
import dev.wharf.operator.api.PoolStorage;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.SshdSpec;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.Subtree;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every container sees only the server's own subtree of the pool; only the init container sees the root. */
class SubtreeMountTest {

    @Test
    void theDefaultLayoutGivesEachServerItsOwnSubtree() {
        TransferServer ts = Fixtures.gridServer();
        assertEquals("physics/grid", Subtree.of(Fixtures.pool(), ts));
        StoragePoolSpec share = Fixtures.pool();
        share.layout = "teams/{namespace}";
        assertEquals("teams/physics", Subtree.of(share, ts));
    }

    @Test
    void theServerMountsItsSubtreeNeverThePoolRoot() {
        PodSpec pod = pod(Fixtures.gridServer(), Fixtures.pool());
        VolumeMount data = mounts(container(pod.getContainers(), "server")).get("/data");
        assertEquals("storage", data.getName());
        assertEquals("physics/grid", data.getSubPath());
    }

    @Test
    void theInitContainerMakesTheSubtreeOwnedByRootMode0750WithoutSshd() {
        PodSpec pod = pod(Fixtures.gridServer(), Fixtures.pool());
        assertTrue(pod.getSecurityContext().getSupplementalGroups().isEmpty(), "no job group without the sshd");
        Container init = pod.getInitContainers().get(0);
        assertEquals("subtree", init.getName());
        assertEquals(Map.of("SUBTREE", "physics/grid", "SUBTREE_GID", "0", "SUBTREE_MODE", "0750", "ANONYMOUS_ROOT", ""), env(init));
        VolumeMount root = init.getVolumeMounts().get(0);
        assertEquals("storage", root.getName());
        assertNull(root.getSubPath(), "the init container alone sees the pool root, to make the subtree");
        assertEquals(List.of("/bin/sh", "-c", SubtreeInit.SCRIPT), init.getCommand());
        assertTrue(SubtreeInit.SCRIPT.contains("\"/pool/$SUBTREE\""), "the path comes from the environment, never spliced in");
        assertEquals(List.of("ALL"), init.getSecurityContext().getCapabilities().getDrop());
        assertEquals(List.of("CHOWN", "DAC_OVERRIDE", "FOWNER"), init.getSecurityContext().getCapabilities().getAdd());
        assertEquals(init.getResources().getRequests(), init.getResources().getLimits(), "Guaranteed QoS needs it too");
    }

    @Test
    void withTheSshdTheSubtreeIsSharedWithTheJobsGroupAndTheSidecarSeesOnlyIt() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().sshd = new SshdSpec();
        ts.getSpec().sshd.enabled = true;
        ts.getSpec().sshd.user = new SshUser("jane", 1000, 1500);
        ts.getSpec().sshd.authorizedKeysSecret = new SecretKeyRef("keys", null);
        var ports = Fixtures.gridPorts();
        ports.sshd = 2830;
        PodSpec pod = WorkloadRenderer.statefulSet(ts, Fixtures.pool(), ports, "h", List.of(), Fixtures.SETTINGS)
                .getSpec().getTemplate().getSpec();
        assertEquals("physics/grid", mounts(container(pod.getContainers(), "sshd")).get("/data").getSubPath());
        assertEquals(Map.of("SUBTREE", "physics/grid", "SUBTREE_GID", "1500", "SUBTREE_MODE", "2770", "ANONYMOUS_ROOT", ""),
                env(pod.getInitContainers().get(0)));
        assertEquals(List.of(1500L), pod.getSecurityContext().getSupplementalGroups(),
                "the server (UID 0 without DAC_OVERRIDE) writes the shared subtree through the job's group");
    }

    @Test
    void theAnonymousAreaIsMadeInsideTheSubtreeBecauseTheServerNeedsItToStart() {
        TransferServer ts = Fixtures.gridServer();
        ts.getSpec().authentication.anonymous.enabled = true;
        ts.getSpec().authentication.anonymous.root = "outreach/pub";
        assertEquals("outreach/pub", env(pod(ts, Fixtures.pool()).getInitContainers().get(0)).get("ANONYMOUS_ROOT"));
        assertTrue(SubtreeInit.SCRIPT.contains("mkdir -p -- \"$d/$ANONYMOUS_ROOT\""), SubtreeInit.SCRIPT);
    }

    @Test
    void aClaimTemplatePoolUsesTheSameSubtreeInsideEachPodsClaim() {
        StoragePoolSpec pool = Fixtures.pool();
        pool.storage = new PoolStorage();
        pool.storage.volumeClaimTemplate = new ClaimTemplateStorage();
        pool.storage.volumeClaimTemplate.size = "1Ti";
        PodSpec pod = pod(Fixtures.gridServer(), pool);
        assertEquals("physics/grid", mounts(container(pod.getContainers(), "server")).get("/data").getSubPath());
        assertEquals("storage", pod.getInitContainers().get(0).getVolumeMounts().get(0).getName());
    }

    private static PodSpec pod(TransferServer ts, StoragePoolSpec pool) {
        return WorkloadRenderer.statefulSet(ts, pool, Fixtures.gridPorts(), "h", List.of(), Fixtures.SETTINGS)
                .getSpec().getTemplate().getSpec();
    }

    private static Container container(List<Container> containers, String name) {
        return containers.stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow();
    }

    private static Map<String, VolumeMount> mounts(Container c) {
        return c.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
    }

    private static Map<String, String> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
