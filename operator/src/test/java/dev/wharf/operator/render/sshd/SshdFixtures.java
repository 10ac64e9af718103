package dev.wharf.operator.render.sshd;

import dev.wharf.operator.api.Door;
import dev.wharf.operator.api.DoorType;
import dev.wharf.operator.api.Doors;
import dev.wharf.operator.api.PortAllocationStatus;
import dev.wharf.config.PortRange;
import dev.wharf.operator.api.SecretKeyRef;
import dev.wharf.operator.api.SshUser;
import dev.wharf.operator.api.SshdSpec;
import dev.wharf.operator.api.TransferServer;
import dev.wharf.operator.api.TransferServerSpec;
import dev.wharf.operator.render.Fixtures;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;

import java.security.SecureRandom;
import java.util.Map;

/** physics/jane-job: an ftp door and the sshd sidecar for jane (1000:1000) on two nodes. */
public final class SshdFixtures {

    public static final String USER_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFOqxo4oD3RB4D5eLZsp/PX5mzkqKTRrO0BKT6yKpVLs jane@laptop\n";

    /** The endpoint hosts of the fixture pool's nodes ({@code Endpoints.host}). */
    public static final Map<String, String> NODE_HOSTS = Map.of("node-a", "dtn-01.example.org", "node-b", "dtn-02.example.org");

    private SshdFixtures() {
    }

    public static TransferServer janeJob() {
        TransferServer ts = new TransferServer();
        ts.setMetadata(new ObjectMetaBuilder().withName("jane-job").withNamespace("physics").withGeneration(1L)
                .withCreationTimestamp("2026-11-20T10:00:00Z").build());
        TransferServerSpec spec = new TransferServerSpec();
        spec.pool = "fast";
        spec.doors = new Doors().with(DoorType.FTP, Door.auto());
        spec.cpus = 2;
        spec.memory = "2Gi";
        spec.nodes = 2;
        spec.sshd = new SshdSpec();
        spec.sshd.enabled = true;
        spec.sshd.user = new SshUser("jane", 1000, 1000);
        spec.sshd.authorizedKeysSecret = new SecretKeyRef("jane-ssh-keys", null);
        ts.setSpec(spec);
        return ts;
    }

    public static PortAllocationStatus ports() {
        PortAllocationStatus p = new PortAllocationStatus();
        p.doors.put("ftp", 2800);
        p.admin = 2801;
        p.sshd = 2802;
        p.data = new PortRange(20000, 20499);
        return p;
    }

    public static Map<String, Secret> secrets() {
        return Map.of("jane-ssh-keys", Fixtures.secret("jane-ssh-keys", Map.of("authorized_keys", USER_KEY)));
    }

    /** Keys made from a fixed byte stream: the same every run, so rendered files can be compared. */
    public static JobSshKeys keys() {
        return JobSshKeys.generate("physics/jane-job", new FixedRandom());
    }

    /** A pod of the job with an address (scheduled and started) or without. */
    public static Pod pod(TransferServer ts, int ordinal, String ip) {
        return new PodBuilder().withNewMetadata().withName(dev.wharf.operator.render.ObjectNames.workload(ts) + "-" + ordinal)
                .withNamespace("wharf-data").endMetadata()
                .withNewStatus().withPodIP(ip).endStatus().build();
    }

    /** Not random at all: for fixtures only. */
    static final class FixedRandom extends SecureRandom {
        private byte next = 1;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = next++;
            }
        }
    }
}
