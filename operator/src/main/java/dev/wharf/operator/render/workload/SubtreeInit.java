package dev.wharf.operator.render.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.TreeMap;

/**
 * The init container that makes a server's subtree of the pool before any other container mounts it
 * (subPath mounts are made when a container starts, after the init containers): {@code mkdir -p}, owner
 * UID 0 and the job's group, mode 0750, or 2770 with the sshd sidecar so the job's user and the server
 * share it and new entries keep the group. It is the only container that sees the pool's root. For a
 * hostPath pool that is the node directory, for a claim-template pool the pod's own claim; the same
 * script serves both and runs at every pod start, so a changed owner or mode is put right.
 */
final class SubtreeInit {

    static final String NAME = "subtree";
    static final String POOL_MOUNT = "/pool";
    /** Creating and chowning in a pool root owned by someone else; nothing more. */
    static final java.util.List<String> CAPABILITIES = java.util.List.of("CHOWN", "DAC_OVERRIDE", "FOWNER");
    // The path and ids come in as environment variables, never spliced into the script.
    static final String SCRIPT = "set -eu; d=\"" + POOL_MOUNT + "/$SUBTREE\"; mkdir -p -- \"$d\";"
            + " chown \"0:$SUBTREE_GID\" -- \"$d\"; chmod \"$SUBTREE_MODE\" -- \"$d\";"
            // the server refuses to start without its anonymous area (anonymous.root must be a directory)
            + " if [ -n \"${ANONYMOUS_ROOT:-}\" ]; then mkdir -p -- \"$d/$ANONYMOUS_ROOT\"; fi";

    private SubtreeInit() {
    }

    /**
     * @param subtree the server's subtree, relative to the pool's root
     * @param gid           the sshd sidecar's group, or {@code null} without it
     * @param anonymousRoot the anonymous area relative to the subtree, or {@code null} without anonymous FTP
     */
    static Container render(String subtree, Long gid, String anonymousRoot, String image) {
        // requests = limits keeps the pod in the Guaranteed QoS class
        Map<String, Quantity> resources = new TreeMap<>(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("32Mi")));
        return new ContainerBuilder()
                .withName(NAME)
                .withImage(image)
                .withImagePullPolicy("IfNotPresent")
                .withCommand("/bin/sh", "-c", SCRIPT)
                .addNewEnv().withName("SUBTREE").withValue(subtree).endEnv()
                .addNewEnv().withName("SUBTREE_GID").withValue(String.valueOf(gid == null ? 0 : gid)).endEnv()
                .addNewEnv().withName("SUBTREE_MODE").withValue(gid == null ? "0750" : "2770").endEnv()
                .addNewEnv().withName("ANONYMOUS_ROOT").withValue(anonymousRoot == null ? "" : anonymousRoot).endEnv()
                .withNewResources().withRequests(resources).withLimits(resources).endResources()
                .withSecurityContext(RootContext.with(CAPABILITIES))
                .addNewVolumeMount().withName(Volumes.STORAGE).withMountPath(POOL_MOUNT).endVolumeMount()
                .build();
    }
}
