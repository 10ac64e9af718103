package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.render.Layout;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sshd sidecar container: the server image's OpenSSH, run as the job owner's uid and gid with every
 * capability dropped, no privilege escalation and a read-only root file system. It needs no capability:
 * it never switches users (it is already the only user who may log in) and its port is an allocated
 * unprivileged one on the node's network.
 */
public final class SshdContainer {

    public static final String NAME = "sshd";
    /** Requests equal limits, so the pod stays in the Guaranteed QoS class beside the pinned server. */
    static final String CPU = "250m";
    static final String MEMORY = "256Mi";

    private SshdContainer() {
    }

    /** The image's entry point runs absolute programs as they are: {@code /bin/sh start-sshd}. */
    public static List<String> args() {
        return List.of("/bin/sh", SshdLayout.config(SshdLayout.START_SCRIPT));
    }

    /** @param subtree the server's subtree of the pool, the sidecar's {@code /data} (never the pool's root) */
    public static Container render(SshUser user, int port, String image, String subtree) {
        // sorted, so the rendered object (and the golden files of the sidecar) come out the same every run
        Map<String, Quantity> resources = new TreeMap<>(Map.of("cpu", new Quantity(CPU), "memory", new Quantity(MEMORY)));
        return new ContainerBuilder()
                .withName(NAME)
                .withImage(image)
                .withImagePullPolicy("IfNotPresent")
                .withArgs(args())
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("NODE_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName")
                .endFieldRef().endValueFrom().endEnv()
                .addNewPort().withName("ssh").withContainerPort(port).withHostPort(port).withProtocol("TCP").endPort()
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .withNewSecurityContext()
                .withRunAsUser(user.uid)
                .withRunAsGroup(user.gid)
                .withRunAsNonRoot(true)
                .withPrivileged(false)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                // Once, at start: sshd logs every connection, and a probe every few seconds would fill its log.
                // After that a dying sshd ends the container, which makes the pod not ready by itself.
                .withNewStartupProbe().withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket()
                .withPeriodSeconds(2).withTimeoutSeconds(2).withFailureThreshold(30).endStartupProbe()
                .withVolumeMounts(mounts(user, subtree))
                .build();
    }

    /** The mount of the hosts ConfigMap, in every container of the pod. */
    public static VolumeMount hostsMount() {
        return mount(SshdVolumes.HOSTS, SshdLayout.JOB_DIR, null, true);
    }

    private static List<VolumeMount> mounts(SshUser user, String subtree) {
        return List.of(
                mount(SshdVolumes.CONFIG, SshdLayout.CONFIG_DIR, null, true),
                mount(SshdVolumes.CONFIG, SshdLayout.SYSTEM_SSH_CONFIG, SshdLayout.SSH_CONFIG, true),
                mount(SshdVolumes.CONFIG, "/etc/passwd", SshdLayout.PASSWD, true),
                mount(SshdVolumes.CONFIG, "/etc/group", SshdLayout.GROUP, true),
                mount(SshdVolumes.KEYS, SshdLayout.KEYS_DIR, null, true),
                mount(SshdVolumes.RUN, SshdLayout.RUN_DIR, null, false),
                hostsMount(),
                mount(SshdVolumes.HOME, SshdLayout.home(user), null, false),
                mount(SshdVolumes.TMP, "/tmp", null, false),
                mount(SshdVolumes.STORAGE, Layout.STORAGE_ROOT, subtree, false));
    }

    private static VolumeMount mount(String volume, String path, String subPath, boolean readOnly) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withSubPath(subPath)
                .withReadOnly(readOnly ? Boolean.TRUE : null).build();
    }
}
