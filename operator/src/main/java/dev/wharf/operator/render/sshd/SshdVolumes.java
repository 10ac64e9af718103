package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.render.ObjectNames;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

import java.util.List;

/** The volumes the sshd sidecar adds to a transfer pod. */
public final class SshdVolumes {

    static final String CONFIG = "ssh-config";
    static final String KEYS = "ssh-keys";
    static final String RUN = "ssh-run";
    static final String HOSTS = "job-hosts";
    static final String HOME = "ssh-home";
    static final String TMP = "ssh-tmp";
    /** The pool's storage volume of the pod (render.workload.Volumes). */
    static final String STORAGE = "storage";

    private SshdVolumes() {
    }

    public static List<Volume> render(TransferServer ts) {
        return List.of(
                new VolumeBuilder().withName(CONFIG).withNewConfigMap().withName(ObjectNames.ssh(ts)).withDefaultMode(0444)
                        .endConfigMap().build(),
                // Readable by the sidecar's uid: the Secret holds only the job's own keys and the user's public keys,
                // never the server's credentials, and nothing but the job runs in the pod.
                new VolumeBuilder().withName(KEYS).withNewSecret().withSecretName(ObjectNames.ssh(ts)).withDefaultMode(0444)
                        .endSecret().build(),
                // Host keys live here only: memory, gone with the pod, never in the API.
                new VolumeBuilder().withName(RUN).withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity("1Mi"))
                        .endEmptyDir().build(),
                new VolumeBuilder().withName(HOSTS).withNewConfigMap().withName(ObjectNames.hosts(ts)).withDefaultMode(0444)
                        .endConfigMap().build(),
                new VolumeBuilder().withName(HOME).withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName(TMP).withNewEmptyDir().endEmptyDir().build());
    }
}
