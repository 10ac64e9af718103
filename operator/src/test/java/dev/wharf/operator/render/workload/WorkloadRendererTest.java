package dev.wharf.operator.render.workload;

import dev.wharf.operator.api.ClaimTemplateStorage;
import dev.wharf.operator.api.InterfaceOverride;
import dev.wharf.operator.api.PoolStorage;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.Fixtures;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadRendererTest {

    private static StatefulSet render(TransferServer ts, StoragePoolSpec pool, List<String> preferred) {
        return WorkloadRenderer.statefulSet(ts, pool, Fixtures.gridPorts(), "cafe01", preferred, Fixtures.SETTINGS);
    }

    @Test
    void statefulSetShape() {
        TransferServer ts = Fixtures.gridServer();
        StatefulSet sts = render(ts, Fixtures.pool(), List.of("node-b", "node-a"));
        String base = ObjectNames.base(ts);

        assertEquals(base, sts.getMetadata().getName());
        assertEquals("wharf-data", sts.getMetadata().getNamespace());
        assertEquals(2, sts.getSpec().getReplicas());
        assertEquals(base, sts.getSpec().getServiceName());
        assertEquals("Parallel", sts.getSpec().getPodManagementPolicy());
        assertEquals(Map.of("app.kubernetes.io/name", "wharf-server", "app.kubernetes.io/instance", base),
                sts.getSpec().getSelector().getMatchLabels());
        assertEquals("cafe01", sts.getSpec().getTemplate().getMetadata().getAnnotations().get("wharf.dev/config-hash"));
        assertTrue(sts.getSpec().getVolumeClaimTemplates().isEmpty());

        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        assertTrue(pod.getHostNetwork());
        assertEquals("ClusterFirstWithHostNet", pod.getDnsPolicy());
        assertFalse(pod.getAutomountServiceAccountToken());
        assertEquals(Map.of("wharf.dev/dtn", "true"), pod.getNodeSelector());
        assertEquals("dtn", pod.getTolerations().get(0).getValue());
        var anti = pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0);
        assertEquals("kubernetes.io/hostname", anti.getTopologyKey());
        assertEquals(sts.getSpec().getSelector().getMatchLabels(), anti.getLabelSelector().getMatchLabels());
        var preferred = pod.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().get(0);
        assertEquals(100, preferred.getWeight());
        assertEquals(List.of("node-a", "node-b"), preferred.getPreference().getMatchFields().get(0).getValues());

        Container c = pod.getContainers().get(0);
        assertEquals(1, pod.getContainers().size());
        assertEquals("registry.example/wharf/server:1.0", c.getImage());
        assertEquals(List.of("-c", "/etc/wharf/server.conf"), c.getArgs());
        assertTrue(c.getCommand().isEmpty(), "the image's entry point runs the server");
        Map<String, Quantity> expected = Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi"));
        assertEquals(expected, c.getResources().getRequests());
        assertEquals(expected, c.getResources().getLimits(), "Guaranteed QoS: limits == requests");

        SecurityContext sc = c.getSecurityContext();
        assertEquals(0L, sc.getRunAsUser());
        assertFalse(sc.getPrivileged());
        assertFalse(sc.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop());
        assertEquals(List.of("SYS_NICE", "IPC_LOCK", "SYS_RESOURCE", "SYS_ADMIN"), sc.getCapabilities().getAdd());

        Map<String, Integer> ports = c.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getHostPort));
        assertEquals(Map.of("ftp", 2800, "gsiftp", 2811, "admin", 2801), ports);
        c.getPorts().forEach(p -> assertEquals(p.getContainerPort(), p.getHostPort()));

        assertEquals("/readyz", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals(2801, c.getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("/healthz", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/healthz", c.getStartupProbe().getHttpGet().getPath());

        Map<String, VolumeMount> mounts = c.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getMountPath, m -> m));
        assertEquals("server.conf", mounts.get("/etc/wharf/server.conf").getSubPath());
        assertTrue(mounts.get("/etc/wharf/server.conf").getReadOnly());
        assertTrue(mounts.get("/etc/wharf/credentials").getReadOnly());
        assertTrue(mounts.get("/etc/grid-security/certificates").getReadOnly());
        assertEquals("storage", mounts.get("/data").getName());

        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        assertEquals(ObjectNames.configMap(ts), volumes.get("config").getConfigMap().getName());
        assertEquals(ObjectNames.credentials(ts), volumes.get("credentials").getSecret().getSecretName());
        assertEquals(0400, volumes.get("credentials").getSecret().getDefaultMode());
        assertEquals(ObjectNames.trustAnchors(ts), volumes.get("trust-anchors").getSecret().getSecretName());
        assertEquals("/srv/data", volumes.get("storage").getHostPath().getPath());
        assertEquals("Directory", volumes.get("storage").getHostPath().getType());
    }

    @Test
    void noPreferredNodesMeansNoNodeAffinity() {
        StatefulSet sts = render(Fixtures.gridServer(), Fixtures.pool(), List.of());
        assertNull(sts.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity());
    }

    @Test
    void claimTemplatePoolGetsOneClaimPerPod() {
        StoragePoolSpec pool = Fixtures.pool();
        pool.storage = new PoolStorage();
        pool.storage.volumeClaimTemplate = new ClaimTemplateStorage();
        pool.storage.volumeClaimTemplate.size = "10Ti";
        pool.storage.volumeClaimTemplate.storageClassName = "local-nvme";
        StatefulSet sts = render(Fixtures.gridServer(), pool, List.of());
        var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertEquals("storage", claim.getMetadata().getName());
        assertEquals("local-nvme", claim.getSpec().getStorageClassName());
        assertEquals(List.of("ReadWriteOnce"), claim.getSpec().getAccessModes());
        assertEquals(new Quantity("10Ti"), claim.getSpec().getResources().getRequests().get("storage"));
        assertTrue(sts.getSpec().getTemplate().getSpec().getVolumes().stream().noneMatch(v -> v.getName().equals("storage")),
                "the claim template provides the storage volume");
    }

    @Test
    void perNodeInterfacesAreChosenByNodeName() {
        StoragePoolSpec pool = Fixtures.pool();
        pool.dataInterface.overrides = List.of(new InterfaceOverride("node-c", "eth3"), new InterfaceOverride("node-b", "eth2"));
        Container c = render(Fixtures.gridServer(), pool, List.of()).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("/bin/sh", "-c", "case \"$NODE_NAME\" in node-b) i=eth2 ;; node-c) i=eth3 ;; *) i=ens1f0 ;; esac; "
                + "exec /usr/local/bin/wharf-entrypoint -c /etc/wharf/server.conf -data-interface \"$i\""), c.getCommand());
        assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("NODE_NAME")
                && e.getValueFrom().getFieldRef().getFieldPath().equals("spec.nodeName")));
    }

    @Test
    void headlessServiceListsPodsBeforeTheyAreReady() {
        TransferServer ts = Fixtures.gridServer();
        Service svc = WorkloadRenderer.headlessService(ts, Fixtures.gridPorts(), Fixtures.SETTINGS);
        assertEquals(ObjectNames.base(ts), svc.getMetadata().getName());
        assertEquals("wharf-data", svc.getMetadata().getNamespace());
        assertEquals("None", svc.getSpec().getClusterIP());
        assertTrue(svc.getSpec().getPublishNotReadyAddresses());
        assertEquals(ObjectNames.selector(ts), svc.getSpec().getSelector());
        assertEquals(2801, svc.getSpec().getPorts().get(0).getPort());
    }
}
