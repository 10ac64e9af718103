package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.RenderResult;
import dev.wharf.operator.render.RenderResult.NotRendered;
import dev.wharf.operator.render.RenderResult.Rendered;
import dev.wharf.operator.render.TransferServerRenderer;
import dev.wharf.operator.render.ports.PortAllocationResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SshdSidecarRenderTest {

    static RenderResult render(TransferServer ts, Map<String, Secret> secrets, List<String> hosts) {
        return TransferServerRenderer.render(ts, Fixtures.pool(), new PortAllocationResult.Allocated(SshdFixtures.ports()),
                secrets, List.of(), new SshdInputs(SshdFixtures.keys(), hosts, SshdFixtures.NODE_HOSTS), Fixtures.SETTINGS);
    }

    static Rendered rendered(List<String> hosts) {
        return assertInstanceOf(Rendered.class, render(SshdFixtures.janeJob(), SshdFixtures.secrets(), hosts));
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    @Test
    void addsTheSidecarsSecretAndConfigMapsBeforeTheWorkload() {
        TransferServer ts = SshdFixtures.janeJob();
        Rendered r = rendered(List.of());
        List<String> objects = r.objects().stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
        String base = ObjectNames.base(ts);
        assertEquals(List.of("Secret/" + base + "-credentials", "ConfigMap/" + base + "-config", "Secret/" + base + "-ssh",
                "ConfigMap/" + base + "-ssh", "ConfigMap/" + base + "-hosts", "Service/" + base, "StatefulSet/" + base), objects);
        for (HasMetadata o : r.objects()) {
            assertEquals("wharf-data", o.getMetadata().getNamespace());
            assertEquals(ObjectNames.labels(ts), o.getMetadata().getLabels(), "pruned and deleted with the server");
        }
        Secret credentials = r.secrets().get(0);
        assertFalse(credentials.getData().containsKey("authorized_keys"), "the server's credentials stay the server's");
    }

    @Test
    void theJobSecretHoldsBothKeyPairsAndTheUsersKeys() {
        Rendered r = rendered(List.of());
        JobSshKeys keys = SshdFixtures.keys();
        Secret secret = (Secret) r.sshd().get(0);
        Map<String, String> data = secret.getData().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> decode(e.getValue())));
        assertEquals(Map.of("id_ed25519", keys.identity().privateKey(), "id_ed25519.pub", keys.identity().publicKey() + "\n",
                "host_ca", keys.hostCa().privateKey(), "host_ca.pub", keys.hostCa().publicKey() + "\n",
                "authorized_keys", SshdFixtures.USER_KEY), data);
        assertEquals(keys, JobSshKeys.fromSecretData(secret.getData()).orElseThrow(), "read back unchanged: stable keys");
    }

    @Test
    void theSidecarRunsAsTheOwnerWithoutAnyPrivilege() {
        PodSpec pod = rendered(List.of()).statefulSet().getSpec().getTemplate().getSpec();
        assertEquals(List.of("server", "sshd"), pod.getContainers().stream().map(Container::getName).toList());
        Container sshd = pod.getContainers().get(1);
        assertEquals("registry.example/wharf/server:1.0", sshd.getImage());
        assertTrue(sshd.getCommand() == null || sshd.getCommand().isEmpty(), "the image's entry point runs absolute programs");
        assertEquals(List.of("/bin/sh", "/etc/wharf/ssh/start-sshd"), sshd.getArgs());
        SecurityContext sc = sshd.getSecurityContext();
        assertEquals(1000L, sc.getRunAsUser());
        assertEquals(1000L, sc.getRunAsGroup());
        assertEquals(Boolean.TRUE, sc.getRunAsNonRoot());
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation());
        assertEquals(Boolean.FALSE, sc.getPrivileged());
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop());
        assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty());
        assertEquals(2802, sshd.getPorts().get(0).getContainerPort());
        assertEquals(2802, sshd.getPorts().get(0).getHostPort(), "the scheduler sees the port");
        assertEquals(2802, sshd.getStartupProbe().getTcpSocket().getPort().getIntVal());
        assertNull(sshd.getReadinessProbe(), "sshd logs every connection: no probe every few seconds");
        assertNull(sshd.getLivenessProbe());
        assertEquals(sshd.getResources().getRequests(), sshd.getResources().getLimits(), "Guaranteed QoS for the pod");
        assertEquals(List.of("POD_NAME", "NODE_NAME"), sshd.getEnv().stream().map(e -> e.getName()).toList());
    }

    @Test
    void mountsConfigKeysMemoryForHostKeysAndTheHostsfileEverywhere() {
        PodSpec pod = rendered(List.of()).statefulSet().getSpec().getTemplate().getSpec();
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        Map<String, VolumeMount> sshd = pod.getContainers().get(1).getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
        String base = ObjectNames.base(SshdFixtures.janeJob());
        Volume run = volumes.get(sshd.get("/run/wharf-ssh").getName());
        assertEquals("Memory", run.getEmptyDir().getMedium(), "host keys never touch a disk");
        assertEquals(base + "-ssh", volumes.get(sshd.get("/etc/wharf/ssh-keys").getName()).getSecret().getSecretName());
        assertEquals(base + "-ssh", volumes.get(sshd.get("/etc/wharf/ssh").getName()).getConfigMap().getName());
        assertEquals("ssh_config", sshd.get("/etc/ssh/ssh_config").getSubPath());
        assertEquals("passwd", sshd.get("/etc/passwd").getSubPath());
        assertEquals("group", sshd.get("/etc/group").getSubPath());
        assertTrue(volumes.get(sshd.get("/home/jane").getName()).getEmptyDir() != null);
        assertEquals("storage", sshd.get("/data").getName(), "the job's data, as the server sees it");
        for (Container c : pod.getContainers()) {
            VolumeMount hosts = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/etc/wharf/job"))
                    .findFirst().orElseThrow(() -> new AssertionError(c.getName() + " lacks the hostsfile"));
            assertNull(hosts.getSubPath(), "a directory mount, so ConfigMap updates reach running pods");
            assertEquals(base + "-hosts", volumes.get(hosts.getName()).getConfigMap().getName());
        }
        Container server = pod.getContainers().get(0);
        assertTrue(server.getVolumeMounts().stream().noneMatch(m -> m.getMountPath().startsWith("/etc/wharf/ssh")),
                "the job's keys stay out of the root-run server container");
    }

    @Test
    void hostsfileListsPodsWithAnAddressInOrderAndDoesNotRollThePods() {
        TransferServer ts = SshdFixtures.janeJob();
        String base = ObjectNames.base(ts);
        var pods = List.of(SshdFixtures.pod(ts, 10, "10.0.0.10"), SshdFixtures.pod(ts, 2, "10.0.0.2"),
                SshdFixtures.pod(ts, 1, null), SshdFixtures.pod(ts, 0, "10.0.0.1"));
        pods.get(1).getMetadata().setDeletionTimestamp("2026-11-21T10:00:00Z");
        List<String> hosts = HostsFile.hosts(ts, "wharf-data", pods);
        assertEquals(List.of(base + "-0." + base + ".wharf-data.svc", base + "-10." + base + ".wharf-data.svc"), hosts);
        Rendered none = rendered(List.of());
        Rendered two = rendered(hosts);
        assertEquals(HostsFile.render(hosts), ((io.fabric8.kubernetes.api.model.ConfigMap) two.sshd().get(2)).getData().get("hostsfile"));
        assertEquals(none.configHash(), two.configHash(), "pods coming and going change a mounted file, not the pods");
    }

    @Test
    void eachPodsCertificateAlsoNamesItsEndpointHost() {
        var hostsMap = (io.fabric8.kubernetes.api.model.ConfigMap) rendered(List.of()).sshd().get(2);
        assertEquals("node-a dtn-01.example.org\nnode-b dtn-02.example.org\n", hostsMap.getData().get("endpoint-hosts"));
        String script = SidecarFiles.startScript(SshdFixtures.janeJob(), "wharf-data");
        assertTrue(script.contains("  while read -r node host; do\n"
                + "    if [ \"$node\" = \"$NODE_NAME\" ] && [ -n \"$host\" ]; then names=\"$names,$host\"; fi\n"
                + "  done < /etc/wharf/job/endpoint-hosts\n"), script);
        assertTrue(script.indexOf("endpoint-hosts") < script.indexOf("ssh-keygen -q -s"), "read before signing");
    }

    @Test
    void sidecarConfigChangesRollThePodsButNewAuthorizedKeysDoNot() {
        Rendered before = rendered(List.of());
        TransferServer agent = SshdFixtures.janeJob();
        agent.getSpec().sshd.forwarding = new dev.wharf.operator.api.SshForwarding(true, false, false);
        Rendered changed = assertInstanceOf(Rendered.class, render(agent, SshdFixtures.secrets(), List.of()));
        assertNotEquals(before.configHash(), changed.configHash());
        Map<String, Secret> otherKeys = new HashMap<>();
        otherKeys.put("jane-ssh-keys", Fixtures.secret("jane-ssh-keys", Map.of("authorized_keys", "ssh-ed25519 AAAAother x\n")));
        Rendered newKeys = assertInstanceOf(Rendered.class, render(SshdFixtures.janeJob(), otherKeys, List.of()));
        assertEquals(before.configHash(), newKeys.configHash(), "sshd reads the keys at every login");
    }

    @Test
    void refusesWhatCannotWorkWithAReasonTheUserCanActOn() {
        TransferServer ts = SshdFixtures.janeJob();
        NotRendered missing = assertInstanceOf(NotRendered.class, render(ts, Map.of(), List.of()));
        assertEquals("SecretMissing", missing.reason());
        assertTrue(missing.message().contains("jane-ssh-keys"), missing.message());
        NotRendered noKey = assertInstanceOf(NotRendered.class, render(ts,
                Map.of("jane-ssh-keys", Fixtures.secret("jane-ssh-keys", Map.of("other", "x"))), List.of()));
        assertEquals("SecretKeyMissing", noKey.reason());
        NotRendered empty = assertInstanceOf(NotRendered.class, render(ts,
                Map.of("jane-ssh-keys", Fixtures.secret("jane-ssh-keys", Map.of("authorized_keys", "# none yet\n\n"))), List.of()));
        assertEquals("InvalidCredential", empty.reason());
        var low = SshdFixtures.ports();
        low.sshd = 1022;
        NotRendered privileged = assertInstanceOf(NotRendered.class, TransferServerRenderer.render(ts, Fixtures.pool(),
                new PortAllocationResult.Allocated(low), SshdFixtures.secrets(), List.of(),
                new SshdInputs(SshdFixtures.keys(), List.of(), Map.of()), Fixtures.SETTINGS));
        assertEquals("SshdPortPrivileged", privileged.reason());
        assertTrue(privileged.message().contains("1024"), privileged.message());
    }

    @Test
    void withoutTheSidecarNothingChanges() {
        TransferServer ts = SshdFixtures.janeJob();
        ts.getSpec().sshd.enabled = false;
        Rendered r = assertInstanceOf(Rendered.class, TransferServerRenderer.render(ts, Fixtures.pool(),
                new PortAllocationResult.Allocated(SshdFixtures.ports()), Map.of(), List.of(), Fixtures.SETTINGS));
        assertTrue(r.sshd().isEmpty());
        PodSpec pod = r.statefulSet().getSpec().getTemplate().getSpec();
        assertEquals(1, pod.getContainers().size());
        assertTrue(pod.getContainers().get(0).getVolumeMounts().stream().noneMatch(m -> m.getMountPath().equals("/etc/wharf/job")));
    }
}
