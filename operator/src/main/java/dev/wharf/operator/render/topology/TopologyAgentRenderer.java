package dev.wharf.operator.render.topology;

import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.RenderSettings;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node-topology agent of a pool: a DaemonSet on the pool's nodes that runs the server image's
 * {@code topology} command once, prints the JSON report (docs/topology.md) to its log and then sleeps.
 * The operator reads the log of container {@value #CONTAINER} of the agent pod on each node and parses
 * it with {@link NodeTopology#parse}. A log needs no API write access on the node, no RBAC for the
 * agent (it has no token at all) and has no size limit; a reboot restarts the container, which reports
 * again.
 */
public final class TopologyAgentRenderer {

    public static final String CONTAINER = "topology";
    /** {@code app.kubernetes.io/name} of agent pods; with {@link ObjectNames#POOL_LABEL} it selects one pool's agents. */
    public static final String APP_NAME = "wharf-topology";
    static final String STORAGE_MOUNT = "/data";
    /** The image's unprivileged user (docs/images.md); numeric, so the kubelet can verify runAsNonRoot. */
    static final long AGENT_UID = 10001;

    private TopologyAgentRenderer() {
    }

    /** Name of a pool's agent DaemonSet. */
    public static String name(String poolName) {
        return ObjectNames.boundedName("wharf-topology-" + poolName, poolName);
    }

    /** Labels selecting the agent pods of one pool. */
    public static Map<String, String> selector(String poolName) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ObjectNames.NAME_LABEL, APP_NAME);
        m.put(ObjectNames.INSTANCE_LABEL, name(poolName));
        return m;
    }

    public static DaemonSet daemonSet(String poolName, StoragePoolSpec pool, RenderSettings settings) {
        Map<String, String> labels = selector(poolName);
        labels.put(ObjectNames.COMPONENT_LABEL, "topology-agent");
        labels.put(ObjectNames.MANAGED_BY_LABEL, ObjectNames.MANAGED_BY);
        if (poolName.length() <= 63) {
            labels.put(ObjectNames.POOL_LABEL, poolName);
        }
        boolean hostPath = pool.storage.hostPath != null;
        String report = "/usr/local/bin/wharf-entrypoint topology" + (hostPath ? " --storage " + STORAGE_MOUNT : "")
                + " && exec sleep infinity";
        Map<String, Quantity> requests = new java.util.TreeMap<>(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("128Mi")));
        Map<String, Quantity> limits = Map.of("memory", new Quantity("256Mi"));
        return new DaemonSetBuilder()
                .withNewMetadata()
                .withName(name(poolName))
                .withNamespace(settings.namespace())
                .withLabels(labels)
                .withAnnotations(Map.of(ObjectNames.PRIMARY_NAME_ANNOTATION, poolName))
                .endMetadata()
                .withNewSpec()
                .withNewSelector().withMatchLabels(selector(poolName)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                // the host's network namespace, so sys/class/net lists the node's NICs
                .withHostNetwork(true)
                .withDnsPolicy("ClusterFirstWithHostNet")
                .withAutomountServiceAccountToken(false)
                .withImagePullSecrets(settings.pullSecretReferences())
                .withEnableServiceLinks(false)
                .withNodeSelector(pool.nodeSelector == null ? null : new TreeMap<>(pool.nodeSelector))
                .withTolerations(pool.tolerations)
                .withNewSecurityContext().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(settings.serverImage())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("/bin/sh", "-c", report)
                .addNewEnv().withName("JAVA_OPTS").withValue("-Xmx64m -XX:+UseSerialGC").endEnv()
                .withNewResources().withRequests(requests).withLimits(limits).endResources()
                .withNewSecurityContext()
                .withRunAsUser(AGENT_UID)
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .withVolumeMounts(mounts(hostPath))
                .endContainer()
                .withVolumes(volumes(pool, hostPath))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static List<VolumeMount> mounts(boolean hostPath) {
        List<VolumeMount> m = new ArrayList<>();
        if (hostPath) {
            m.add(new VolumeMountBuilder().withName("storage").withMountPath(STORAGE_MOUNT).withReadOnly(true).build());
        }
        m.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
        return m;
    }

    private static List<Volume> volumes(StoragePoolSpec pool, boolean hostPath) {
        List<Volume> v = new ArrayList<>();
        if (hostPath) {
            v.add(new VolumeBuilder().withName("storage").withNewHostPath().withPath(pool.storage.hostPath.path)
                    .withType("Directory").endHostPath().build());
        }
        v.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
        return v;
    }
}
