package dev.wharf.operator.render.workload;

import dev.wharf.operator.api.DataInterface;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.InterfaceOverride;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.render.Layout;
import dev.wharf.operator.render.sshd.SshdContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The transfer server container of a transfer pod. */
final class ServerContainer {

    static final String NAME = "server";
    /** The image's entry point; flags starting with '-' are passed to the server (docs/images.md). */
    static final String ENTRYPOINT = "/usr/local/bin/wharf-entrypoint";
    /** The four capabilities the server uses; each only takes effect for UID 0 (no ambient capabilities). */
    static final List<String> CAPABILITIES = List.of("SYS_NICE", "IPC_LOCK", "SYS_RESOURCE", "SYS_ADMIN");

    private ServerContainer() {
    }

    static Container render(TransferServerSpec spec, DataInterface dataInterface, PortAllocationStatus ports,
            String image, boolean trustAnchors, boolean hostsfile, String subtree) {
        Map<String, Quantity> resources = Map.of(
                "cpu", new Quantity(String.valueOf(spec.cpus != null ? spec.cpus : 2)),
                "memory", new Quantity(spec.memory != null ? spec.memory : "4Gi"));
        ContainerBuilder b = new ContainerBuilder()
                .withName(NAME)
                .withImage(image)
                .withImagePullPolicy("IfNotPresent")
                // the log's tail becomes the termination message of a failed start, which status.pods shows
                // to users who cannot read logs in the data-plane namespace
                .withTerminationMessagePolicy("FallbackToLogsOnError");
        List<String> args = List.of("-c", Layout.CONFIG_FILE);
        if (dataInterface.overrides == null || dataInterface.overrides.isEmpty()) {
            b.withArgs(args);
        } else {
            b.withCommand("/bin/sh", "-c", interfaceScript(dataInterface));
        }
        return b
                .addNewEnv().withName("NODE_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .withPorts(ports(ports))
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .withSecurityContext(RootContext.with(CAPABILITIES))
                .withStartupProbe(probe("/healthz", ports.admin, 2, 60))
                .withReadinessProbe(probe("/readyz", ports.admin, 5, 3))
                .withLivenessProbe(probe("/healthz", ports.admin, 10, 3))
                .withVolumeMounts(mounts(trustAnchors, hostsfile, subtree))
                .build();
    }

    /**
     * With per-node data interfaces the name is chosen by a tiny shell case on the node name (one pod
     * template serves all nodes) and passed as {@code -data-interface}, which overrides server.conf. Node and
     * interface names are pattern-checked by the CRD, so they are safe in the script.
     */
    static String interfaceScript(DataInterface dataInterface) {
        StringBuilder sb = new StringBuilder("case \"$NODE_NAME\" in ");
        dataInterface.overrides.stream()
                .sorted(Comparator.comparing((InterfaceOverride o) -> o.node))
                .forEach(o -> sb.append(o.node).append(") i=").append(o.interfaceName).append(" ;; "));
        sb.append("*) i=").append(dataInterface.name).append(" ;; esac; exec ").append(ENTRYPOINT)
                .append(" -c ").append(Layout.CONFIG_FILE).append(" -data-interface \"$i\"");
        return sb.toString();
    }

    /**
     * Every listening control port, declared with hostPort = containerPort so the scheduler's NodePorts
     * filter sees conflicts with anything else on the node. The data range is not declared (hundreds of
     * entries); PortAllocator keeps it disjoint within the pool instead.
     */
    private static List<ContainerPort> ports(PortAllocationStatus ports) {
        List<ContainerPort> list = new ArrayList<>();
        for (DoorType door : DoorType.values()) {
            Integer port = ports.doors.get(door.specName());
            if (port != null) {
                list.add(port(door.specName(), port));
            }
        }
        list.add(port("admin", ports.admin));
        return list;
    }

    private static ContainerPort port(String name, int port) {
        return new ContainerPortBuilder().withName(name).withContainerPort(port).withHostPort(port).withProtocol("TCP").build();
    }

    private static Probe probe(String path, int port, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString(port)).withScheme("HTTP").endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static List<VolumeMount> mounts(boolean trustAnchors, boolean hostsfile, String subtree) {
        List<VolumeMount> m = new ArrayList<>();
        m.add(new VolumeMountBuilder().withName(Volumes.CONFIG).withMountPath(Layout.CONFIG_FILE)
                .withSubPath(Layout.CONFIG_KEY).withReadOnly(true).build());
        m.add(new VolumeMountBuilder().withName(Volumes.CREDENTIALS).withMountPath(Layout.CREDENTIALS_DIR)
                .withReadOnly(true).build());
        if (trustAnchors) {
            m.add(new VolumeMountBuilder().withName(Volumes.TRUST_ANCHORS).withMountPath(Layout.TRUST_ANCHORS_DIR)
                    .withReadOnly(true).build());
        }
        // only the server's own subtree of the pool: storage.root, anonymous.root and dcap.root all lie below it
        m.add(new VolumeMountBuilder().withName(Volumes.STORAGE).withMountPath(Layout.STORAGE_ROOT).withSubPath(subtree).build());
        m.add(new VolumeMountBuilder().withName(Volumes.TMP).withMountPath("/tmp").build());
        if (hostsfile) {
            // /var/hostsfile in every container of the job (the image links it into this directory)
            m.add(SshdContainer.hostsMount());
        }
        return m;
    }
}
