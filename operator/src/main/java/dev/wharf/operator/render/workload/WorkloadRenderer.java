package dev.wharf.operator.render.workload;

import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.StoragePoolSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.render.AnonymousArea;
import dev.wharf.operator.render.ObjectNames;
import dev.wharf.operator.render.RenderSettings;
import dev.wharf.operator.render.Subtree;
import dev.wharf.operator.render.rollout.UpdateStrategies;
import dev.wharf.operator.render.sshd.SshdContainer;
import dev.wharf.operator.render.sshd.SshdVolumes;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TransferServer → its StatefulSet and headless Service in the data-plane namespace.
 *
 * <p>A StatefulSet, because its pods have stable names ({@code <base>-0}, {@code <base>-1}, ...) that the
 * per-job hostsfile of the sshd sidecar can list, and because a pool's volume claim template becomes one
 * claim per pod. Required pod anti-affinity on the node puts one pod per node; {@code Parallel} pod
 * management starts them together, since they do not depend on each other.
 */
public final class WorkloadRenderer {

    /** Long enough for running transfers to finish after SIGTERM. */
    static final long TERMINATION_GRACE_SECONDS = 120;
    static final String HOSTNAME_TOPOLOGY_KEY = "kubernetes.io/hostname";

    private WorkloadRenderer() {
    }

    /**
     * @param ts             the TransferServer
     * @param pool           its pool's spec (placement, storage, data interface)
     * @param ports          its allocated ports
     * @param configHash     {@code ConfigHash.of(configMap, secrets)}; a change rolls the pods
     * @param preferredNodes nodes where NIC and storage share a NUMA node ({@code NodeTopology.aligned}); may be empty
     * @param settings       data-plane namespace and server image
     */
    public static StatefulSet statefulSet(TransferServer ts, StoragePoolSpec pool, PortAllocationStatus ports,
            String configHash, List<String> preferredNodes, RenderSettings settings) {
        TransferServerSpec spec = ts.getSpec();
        boolean trustAnchors = spec.authentication != null && spec.authentication.trustAnchorsSecret != null;
        boolean sshd = spec.sshd != null && spec.sshd.isEnabled();
        String subtree = Subtree.of(pool, ts);
        Long jobGroup = sshd ? spec.sshd.user.gid : null;
        List<Container> containers = new ArrayList<>();
        containers.add(ServerContainer.render(spec, pool.dataInterface, ports, settings.serverImage(), trustAnchors, sshd, subtree));
        List<Volume> volumes = new ArrayList<>(Volumes.render(ts, pool, trustAnchors));
        if (sshd) {
            containers.add(SshdContainer.render(spec.sshd.user, ports.sshd, settings.serverImage(), subtree));
            volumes.addAll(SshdVolumes.render(ts));
        }
        return new StatefulSetBuilder()
                .withMetadata(ObjectNames.metadata(ts, ObjectNames.workload(ts), settings.namespace()))
                .withNewSpec()
                .withServiceName(ObjectNames.workload(ts))
                .withReplicas(spec.nodes != null ? spec.nodes : 1)
                .withPodManagementPolicy("Parallel")
                .withNewSelector().withMatchLabels(ObjectNames.selector(ts)).endSelector()
                .withUpdateStrategy(UpdateStrategies.of(spec))
                .withVolumeClaimTemplates(Volumes.claimTemplates(ts, pool))
                // a claim-template pool's per-pod claims go with the server, not with a scale-down
                .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted("Delete").withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(ObjectNames.labels(ts))
                .withAnnotations(podAnnotations(ts, configHash))
                .endMetadata()
                .withNewSpec()
                .withHostNetwork(true)
                .withDnsPolicy("ClusterFirstWithHostNet")
                .withAutomountServiceAccountToken(false)
                .withImagePullSecrets(settings.pullSecretReferences())
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
                // the job's group lets the server (UID 0 without DAC_OVERRIDE) share the subtree with the sshd's user
                .withNewSecurityContext().withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .withSupplementalGroups(jobGroup == null ? List.of() : List.of(jobGroup))
                .endSecurityContext()
                .withNodeSelector(pool.nodeSelector == null ? null : new TreeMap<>(pool.nodeSelector))
                .withTolerations(pool.tolerations)
                .withAffinity(affinity(ts, preferredNodes))
                .withInitContainers(SubtreeInit.render(subtree, jobGroup, AnonymousArea.root(spec, pool).orElse(null),
                        settings.serverImage()))
                .withContainers(containers)
                .withVolumes(volumes)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * The headless Service of the StatefulSet: stable DNS names for the pods ({@code <pod>.<base>.<ns>.svc}),
     * listed even before they are ready, which the sshd sidecar's hostsfile relies on.
     */
    public static Service headlessService(TransferServer ts, PortAllocationStatus ports, RenderSettings settings) {
        return new ServiceBuilder()
                .withMetadata(ObjectNames.metadata(ts, ObjectNames.workload(ts), settings.namespace()))
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(ObjectNames.selector(ts))
                .addNewPort().withName("admin").withProtocol("TCP").withPort(ports.admin)
                .withTargetPort(new IntOrString(ports.admin)).endPort()
                .endSpec()
                .build();
    }

    private static Map<String, String> podAnnotations(TransferServer ts, String configHash) {
        Map<String, String> m = ObjectNames.ownerAnnotations(ts);
        m.put(ObjectNames.CONFIG_HASH_ANNOTATION, configHash);
        return m;
    }

    private static Affinity affinity(TransferServer ts, List<String> preferredNodes) {
        AffinityBuilder b = new AffinityBuilder()
                .withNewPodAntiAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNewLabelSelector().withMatchLabels(ObjectNames.selector(ts)).endLabelSelector()
                .withTopologyKey(HOSTNAME_TOPOLOGY_KEY)
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity();
        if (preferredNodes != null && !preferredNodes.isEmpty()) {
            b.withNewNodeAffinity()
                    .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                    .withWeight(100)
                    .withNewPreference()
                    .addNewMatchField().withKey("metadata.name").withOperator("In")
                    .withValues(preferredNodes.stream().sorted().distinct().toList()).endMatchField()
                    .endPreference()
                    .endPreferredDuringSchedulingIgnoredDuringExecution()
                    .endNodeAffinity();
        }
        return b.build();
    }
}
